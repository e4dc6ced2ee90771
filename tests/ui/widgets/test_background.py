from jobtracker.ui.widgets.background import run_in_background


def test_result_comes_back_on_main_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    results: list[object] = []
    run_in_background(lambda: 6 * 7, results.append, results.append)
    qtbot.waitUntil(lambda: results == [42])


def test_error_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    run_in_background(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ZeroDivisionError)


def test_nothing_reaches_an_owner_deleted_while_the_work_ran(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    import shiboken6
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    release = threading.Event()
    pool = QThreadPool()
    calls: list[object] = []

    def fill(text: object) -> None:
        calls.append(text)
        label.setText(str(text))  # raised "already deleted" before owners were checked

    run_in_background(lambda: release.wait(10) and "done", fill, calls.append, pool,
                      owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    release.set()
    pool.waitForDone(10_000)
    qtbot.wait(50)  # let the queued report arrive
    assert calls == []
    # Without an owner the report still comes.
    run_in_background(lambda: "later", calls.append, calls.append, pool)
    qtbot.waitUntil(lambda: calls == ["later"])
