from jobtracker.ui.background import run_in_background


def test_result_comes_back_on_main_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    results: list[object] = []
    run_in_background(lambda: 6 * 7, results.append, results.append)
    qtbot.waitUntil(lambda: results == [42])


def test_error_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    run_in_background(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ZeroDivisionError)
