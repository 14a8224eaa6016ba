"""Where the branch's data lives: BRANCHCHECK_HOME, else the user's data folder.

The folder holds password hashes, signing keys and every record, so it is private to the user who
runs BranchCheck: the folder is 0700 and every file in it 0600 (the store, its -wal/-shm, settings,
holidays, backups). A folder made before this rule, with wider modes, is tightened when it is first
used in a process; files written later go through `write_private`.

What the package ships (checklists, examples, the font, the window's translations) lies in
branchcheck/data/ and is found through importlib.resources: `shipped(...)`."""

from __future__ import annotations

import atexit
import functools
import os
import stat
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

APP_NAME = "BranchCheck"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


_HOMES: dict[str | None, Path] = {}


def data_home() -> Path:
    """The data folder, created on first use (looked up once per value of BRANCHCHECK_HOME)."""
    env = os.environ.get("BRANCHCHECK_HOME")
    home = _HOMES.get(env)
    if home is None or not home.is_dir():
        if env:
            home = Path(env).expanduser()
        else:
            from platformdirs import user_data_dir

            home = Path(user_data_dir(APP_NAME, appauthor=False))
        make_private_folder(home)
        _HOMES[env] = home
    return home


def make_private_folder(folder: Path) -> None:
    """Create the folder 0700 (its missing parents as the user's umask says) and tighten it and the
    files directly in it to 0700/0600 when they are wider."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _narrow(folder, FOLDER_MODE)
    for entry in folder.iterdir():
        if entry.is_file() and not entry.is_symlink():
            _narrow(entry, FILE_MODE)
        elif entry.is_dir() and not entry.is_symlink():
            _narrow(entry, FOLDER_MODE)


def make_private_file(path: Path) -> None:
    """Create the file empty with mode 0600 when it is missing; tighten it when it is wider."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        _narrow(path, FILE_MODE)


def write_private(path: Path, text: str) -> None:
    """Write a text file (UTF-8) that only the user can read: 0600 from its first byte."""
    make_private_file(path)
    path.write_text(text, encoding="utf-8")


def _narrow(path: Path, mode: int) -> None:
    current = stat.S_IMODE(path.stat().st_mode)
    if current & ~mode:
        path.chmod(current & mode)


def database_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "branchcheck.sqlite3"


def anchor_path(database: Path) -> Path:
    """The store's anchor beside it (`branchcheck.anchor`): what its audit log last held."""
    return database.with_suffix(".anchor")


def backup_folder(home: Path, configured: str = "") -> Path:
    """Where backups go: the configured folder (a USB drive, say), else <data home>/backups."""
    return Path(configured).expanduser() if configured else home / "backups"


_EXTRACTED = ExitStack()  # shipped data a zipped install had to extract: removed at exit
atexit.register(_EXTRACTED.close)


@functools.cache
def shipped(*parts: str) -> Path:
    """A file or folder shipped in the package (branchcheck/data/...) as a real path, wherever the
    package is installed (checkout, wheel, PyInstaller bundle)."""
    return _EXTRACTED.enter_context(as_file(files("branchcheck").joinpath("data", *parts)))


def checklists_dir() -> Path:
    """The checklist templates: $BRANCHCHECK_CHECKLISTS, else the shipped ones."""
    env = os.environ.get("BRANCHCHECK_CHECKLISTS")
    return Path(env) if env else shipped("checklists")


def examples_dir() -> Path:
    """The shipped examples: answers for each checklist (answers/<key>.json), the demo's account
    list (accounts/demo_accounts.csv)."""
    return shipped("examples")


def font_path() -> Path:
    return shipped("fonts", "wqy-microhei.ttc")
