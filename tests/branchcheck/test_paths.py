"""The data folder is private to its user: 0700, its files 0600. The shipped data is found inside
the package, wherever it is installed."""

import stat
from pathlib import Path

import branchcheck
from branchcheck import paths
from branchcheck.db import open_store
from branchcheck.settings import Settings, save_settings


def _mode(p) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_a_new_data_folder_and_its_store_are_private(tmp_path, monkeypatch):
    home = tmp_path / "new" / "BranchCheck"
    monkeypatch.setenv("BRANCHCHECK_HOME", str(home))
    assert paths.data_home() == home
    st = open_store()
    with st.session() as s:
        s.connection().exec_driver_sql("CREATE TABLE t (x)")  # a write: -wal and -shm exist
        assert (home / "branchcheck.sqlite3-wal").exists()
        assert (home / "branchcheck.sqlite3-shm").exists()
        modes = {p.name: _mode(p) for p in home.iterdir()}
    st.dispose()
    assert _mode(home) == 0o700
    assert modes == {
        "branchcheck.sqlite3": 0o600,
        "branchcheck.sqlite3-wal": 0o600,
        "branchcheck.sqlite3-shm": 0o600,
    }


def test_an_existing_wide_folder_is_tightened_on_open(tmp_path, monkeypatch):
    home = tmp_path / "old"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    (home / "holidays.json").write_text("{}")
    (home / "holidays.json").chmod(0o644)
    (home / "backups").mkdir()
    (home / "backups").chmod(0o755)
    monkeypatch.setenv("BRANCHCHECK_HOME", str(home))
    paths.data_home()
    assert _mode(home) == 0o700
    assert _mode(home / "holidays.json") == 0o600
    assert _mode(home / "backups") == 0o700


def test_a_narrower_mode_is_kept(tmp_path):
    f = tmp_path / "f"
    f.write_text("x")
    f.chmod(0o400)
    paths.make_private_file(f)
    assert _mode(f) == 0o400
    assert f.read_text() == "x"  # opening to tighten never truncates


def test_settings_are_written_private(tmp_path):
    save_settings(tmp_path, Settings())
    assert _mode(tmp_path / "settings.json") == 0o600


PACKAGE = Path(branchcheck.__file__).resolve().parent


def test_the_shipped_data_lies_inside_the_package():
    assert paths.font_path() == PACKAGE / "data" / "fonts" / "wqy-microhei.ttc"
    assert paths.font_path().is_file()
    assert (paths.examples_dir() / "accounts" / "demo_accounts.csv").is_file()
    answers = {p.stem for p in (paths.examples_dir() / "answers").glob("*.json")}
    assert "vault_check" in answers  # each example answers a shipped checklist
    assert answers <= {p.stem for p in paths.checklists_dir().glob("*.yaml")}
    assert paths.shipped("i18n", "branchcheck_en.qm").is_file()


def test_the_checklists_are_the_shipped_ones_unless_a_folder_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("BRANCHCHECK_CHECKLISTS", raising=False)
    assert paths.checklists_dir() == PACKAGE / "data" / "checklists"
    assert (paths.checklists_dir() / "vault_check.yaml").is_file()
    monkeypatch.setenv("BRANCHCHECK_CHECKLISTS", str(tmp_path))
    assert paths.checklists_dir() == tmp_path
