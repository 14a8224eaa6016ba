"""Where the branch's data lives: BRANCHCHECK_HOME, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "BranchCheck"
REPO_ROOT = Path(__file__).resolve().parent.parent


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
        home.mkdir(parents=True, exist_ok=True)
        _HOMES[env] = home
    return home


def database_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "branchcheck.sqlite3"


def checklists_dir() -> Path:
    """The shipped checklist templates (repo checkout or installed tree)."""
    env = os.environ.get("BRANCHCHECK_CHECKLISTS")
    return Path(env) if env else REPO_ROOT / "checklists"


def resources_dir() -> Path:
    return REPO_ROOT / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
