import threading

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


def test_main_exits_after_show(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("BRANCHCHECK_HOME", str(tmp_path))  # restored after the test
    assert main(["--home", str(tmp_path / "data"), "--exit-after-show", "--lang", "zh"]) == 0
    # the first paint comes before the store is opened
    assert not (tmp_path / "data" / "branchcheck.sqlite3").exists()
    assert main(["--home", str(tmp_path / "data"), "--exit-after-ready", "--lang", "zh"]) == 0
    assert (tmp_path / "data" / "branchcheck.sqlite3").exists()
