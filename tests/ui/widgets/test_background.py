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


def test_cancel_drops_a_late_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtCore import QThreadPool

    release = threading.Event()
    pool = QThreadPool()
    calls: list[object] = []
    job = run_in_background(lambda: release.wait(10) and "late", calls.append, calls.append,
                            pool)
    assert not job.cancelled and not job.stop.is_set()
    job.cancel()
    assert job.cancelled
    release.set()
    assert pool.waitForDone(10_000)
    qtbot.wait(50)  # let the queued report arrive
    assert calls == []


def test_cancel_drops_a_late_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtCore import QThreadPool

    release = threading.Event()
    pool = QThreadPool()
    calls: list[object] = []

    def fail() -> None:
        release.wait(10)
        raise RuntimeError("too late")

    job = run_in_background(fail, calls.append, calls.append, pool)
    job.cancel()
    release.set()
    assert pool.waitForDone(10_000)
    qtbot.wait(50)
    assert calls == []


def test_cancel_sets_the_stop_event_the_work_polls(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QThreadPool

    from jobtracker.ui.widgets.background import BackgroundJob

    pool = QThreadPool()
    calls: list[object] = []
    started = []
    job = BackgroundJob()

    def work() -> bool:
        started.append(1)
        return job.stop.wait(10)  # True as soon as the job is told to stop

    assert job.start(work, calls.append, calls.append, pool) is job
    qtbot.waitUntil(lambda: started == [1])
    job.cancel()
    assert job.stop.is_set()
    assert pool.waitForDone(2_000), "the work did not see the stop event"
    qtbot.wait(50)
    assert calls == []


def test_stop_alone_still_reports(qtbot) -> None:  # type: ignore[no-untyped-def]
    from jobtracker.ui.widgets.background import BackgroundJob

    calls: list[object] = []
    job = BackgroundJob()
    job.start(lambda: "stopped early" if job.stop.wait(10) else "ran out", calls.append,
              calls.append)
    job.stop.set()  # asks the work to end, but the caller still wants to hear how it ended
    qtbot.waitUntil(lambda: calls == ["stopped early"])
    assert not job.cancelled


def test_work_cancelled_before_a_thread_is_free_never_runs(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    ran: list[str] = []
    calls: list[object] = []
    run_in_background(lambda: release.wait(10), calls.append, calls.append, pool)
    queued = run_in_background(lambda: ran.append("queued"), calls.append, calls.append, pool)
    queued.cancel()
    release.set()
    assert pool.waitForDone(10_000)
    qtbot.waitUntil(lambda: calls == [True])  # the first job's report only
    assert ran == []


def test_a_job_runs_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    import pytest

    calls: list[object] = []
    job = run_in_background(lambda: 1, calls.append, calls.append)
    with pytest.raises(RuntimeError):
        job.start(lambda: 2, calls.append, calls.append)
    qtbot.waitUntil(lambda: calls == [1])


def test_a_second_fetch_cancels_the_first(qtbot, fetch_window, loopback) -> None:  # type: ignore[no-untyped-def]
    """The import dialog against a real server whose first answer comes after the second."""
    import http.server
    import threading

    from PySide6.QtCore import QThreadPool

    from tests.ui.loopback import corpus_page, send

    page = corpus_page("google-standard-jsonld.html").encode()
    first_asked = threading.Event()
    answer_first = threading.Event()

    def slow(handler: http.server.BaseHTTPRequestHandler) -> None:
        first_asked.set()
        answer_first.wait(10)
        send(handler, 200, page)

    loopback.routes["/first"] = slow
    second = loopback.page("/second", page)
    dialog = fetch_window.import_from_url(loopback.url("/first"))
    dialog.fetch()
    assert first_asked.wait(5), "the first request never reached the server"
    first = dialog._fetch  # the handle of the running fetch
    assert first is not None

    dialog.ui.urlEdit.setText(second)
    dialog.fetch()
    assert first.cancelled and first.stop.is_set()
    qtbot.waitUntil(lambda: dialog.imported is not None and not dialog.fetching,
                    timeout=10_000)
    assert dialog.imported.snapshot.source_url == second
    status = dialog.ui.statusLabel.text()

    answer_first.set()  # the first page now arrives, after the second was shown
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert dialog.imported.snapshot.source_url == second
    assert dialog.ui.statusLabel.text() == status
    assert not dialog.fetching
