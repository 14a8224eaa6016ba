import threading
import time
from concurrent.futures import Future

from ui.app import main
from ui.tasks import SyncTaskRunner, TaskManager


def test_task_manager_runs_off_the_gui_thread_and_delivers_on_it(qtbot):
    tasks = TaskManager()
    gui = threading.get_ident()
    seen: dict = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    def done(result):
        seen["result"] = result
        seen["delivered"] = threading.get_ident()

    with qtbot.waitSignal(tasks.busy_changed, check_params_cb=lambda busy: busy is False):
        tasks.run_in_background(work, done)
    assert seen == {"worker": seen["worker"], "result": 42, "delivered": gui}
    assert seen["worker"] != gui
    tasks.shutdown()


def test_task_manager_hands_errors_to_on_error(qtbot):
    tasks = TaskManager()
    errors: list = []
    tasks.run_in_background(lambda: 1 / 0, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    tasks.shutdown()


def test_sync_runner_has_the_same_api():
    results, errors = [], []
    runner = SyncTaskRunner()
    runner.run_in_background(lambda: "ok", results.append, errors.append)
    runner.run_in_background(lambda: 1 / 0, results.append, errors.append)
    assert results == ["ok"] and isinstance(errors[0], ZeroDivisionError)


def test_a_result_always_comes_through_the_event_loop(qtbot, monkeypatch):
    """Even a task done before its callback is attached reports later, never inside the call."""
    tasks = TaskManager()
    finished: Future = Future()
    finished.set_result(7)
    monkeypatch.setattr(tasks._executor, "submit", lambda fn: finished)
    seen: list = []
    tasks.run_in_background(lambda: 7, seen.append)
    assert seen == [] and tasks.busy
    qtbot.waitUntil(lambda: seen == [7])
    assert not tasks.busy
    tasks.shutdown()


def test_tasks_run_and_report_in_the_order_given(qtbot):
    tasks = TaskManager()
    ran: list[int] = []
    reported: list[int] = []
    for i in range(20):
        tasks.run_in_background(
            lambda i=i: (time.sleep(0.002 * (i % 3)), ran.append(i), i)[-1], reported.append
        )
    qtbot.waitUntil(lambda: len(reported) == 20)
    assert ran == reported == list(range(20))
    tasks.shutdown()


# last: once the application's event loop has quit, later results no longer arrive in this
# process (so far seen with pytest-qt only)
def test_main_exits_after_show(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("BRANCHCHECK_HOME", str(tmp_path))  # restored after the test
    assert main(["--home", str(tmp_path / "data"), "--exit-after-show", "--lang", "zh"]) == 0
    # the first paint comes before the store is opened
    assert not (tmp_path / "data" / "branchcheck.sqlite3").exists()
    assert main(["--home", str(tmp_path / "data"), "--exit-after-ready", "--lang", "zh"]) == 0
    assert (tmp_path / "data" / "branchcheck.sqlite3").exists()
