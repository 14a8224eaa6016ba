"""The core's settings: every frequency, threshold and grace period, with the defaults of domain.md.

Stored as JSON in the data home (settings.json); a missing file or key means the default."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from branchcheck.errors import InputFileError
from branchcheck.paths import write_private

# The compliance index's indicators (seed 002: 合规性指数 = Σ wᵢ·Cᵢ, each Cᵢ scored 3/2/1), and
# which way is better: "higher" for a share done (on time, covered, rectified on time), "lower"
# for findings per check, the share of repeats and the count of missed problems.
INDEX_DIRECTIONS: dict[str, str] = {
    "on_time_checks": "higher",
    "teller_coverage": "higher",
    "findings_per_check": "lower",
    "rectified_on_time": "higher",
    "repeat_findings": "lower",
    "missed_problems": "lower",
}
WEIGHT_TOLERANCE = 1e-9


def _default_weights() -> dict[str, float]:
    # the checks themselves weigh most (seed 000's vault violations are about time), then closing
    # what they found; accountability for missed problems weighs like the handbook's violations
    return {
        "on_time_checks": 0.25,
        "teller_coverage": 0.15,
        "findings_per_check": 0.10,
        "rectified_on_time": 0.20,
        "repeat_findings": 0.15,
        "missed_problems": 0.15,
    }


def _default_bands() -> dict[str, list[float]]:
    # [score 3 from, score 2 from]: a "higher" indicator scores 3 at or above the first value,
    # 2 at or above the second, else 1; a "lower" one scores 3 at or below the first, 2 at or
    # below the second, else 1 (seed 002's 100% / 80–99% and 0 / 1–2 / ≥3 pattern)
    return {
        "on_time_checks": [1.0, 0.9],
        "teller_coverage": [1.0, 0.9],
        "findings_per_check": [0.5, 1.5],
        "rectified_on_time": [0.9, 0.8],
        "repeat_findings": [0.0, 0.2],
        "missed_problems": [0, 2],
    }


def _check_index(weights: dict[str, float], bands: dict[str, list[float]]) -> None:
    """Refuse index weights that are not the six indicators' non-negative weights summing to 1,
    or bands that are not two ordered numbers per indicator."""
    known = ", ".join(INDEX_DIRECTIONS)
    if not isinstance(weights, dict) or set(weights) != set(INDEX_DIRECTIONS):
        raise InputFileError(f"settings index_weights: give a weight for each of {known}")
    for key, w in weights.items():
        if isinstance(w, bool) or not isinstance(w, int | float) or w < 0:
            raise InputFileError(f"settings index_weights: {key} must be a number ≥ 0, not {w!r}")
    total = sum(weights.values())
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise InputFileError(f"settings index_weights: the weights add up to {total:g}, not 1")
    if not isinstance(bands, dict) or set(bands) != set(INDEX_DIRECTIONS):
        raise InputFileError(f"settings index_bands: give the bands of each of {known}")
    for key, band in bands.items():
        ok = (
            isinstance(band, list | tuple)
            and len(band) == 2
            and all(isinstance(b, int | float) and not isinstance(b, bool) for b in band)
        )
        if not ok:
            raise InputFileError(
                f"settings index_bands: {key} must be two numbers [score 3 from, score 2 from]"
            )
        first, second = band
        higher = INDEX_DIRECTIONS[key] == "higher"
        if (higher and first < second) or (not higher and first > second):
            order = "≥" if higher else "≤"
            raise InputFileError(
                f"settings index_bands: {key} {band} is out of order (the score-3 bound must be "
                f"{order} the score-2 bound)"
            )


@dataclass(frozen=True)
class Settings:
    timezone: str = "Asia/Shanghai"
    # Cash count: notes per bundle (捆) and per strap (把); a template row may override them.
    notes_per_bundle: int = 1000
    notes_per_strap: int = 100
    # Amounts from this many fen up are also written in capital numerals (大写) on the cash
    # count's total and difference, as bank forms do (default ¥10,000.00).
    words_from_fen: int = 1_000_000
    # Days from the inspection date to a finding's rectification deadline, by severity.
    due_days: dict[str, int] = field(
        default_factory=lambda: {"critical": 1, "high": 3, "medium": 7, "low": 14}
    )
    # Days from the account list review's date to the deadline proposed for an account to be
    # rectified (the reviewer may pick another date).
    rectify_days: int = 30
    # The latest deadline a reviewer may set for an account to be rectified: this many days after
    # the review's date (an earlier date than the review's own is always refused).
    rectify_max_days: int = 90
    # Expired account documents: the reasonable period (days after the last valid day) to renew
    # them before business is suspended (银发〔2019〕41号; one bank's period is 30 days). Used by
    # the review's DOCS_EXPIRED rule and the account-management checklist's text alike.
    docs_grace_days: int = 30
    # A holiday block of this many days or more needs a check on the last working day before it.
    pre_holiday_min_days: int = 3
    pre_holiday_lookahead_days: int = 10
    # An inspection dated more than this many hours before it is entered is a late entry (补录):
    # it needs a reason and is marked as such.
    late_entry_hours: int = 24
    # Weekly vault check: the week starts on Monday (ISO week).
    language: str = "zh"
    # The findings loop: who may re-check a rectification (复查; never the person responsible nor
    # the one who recorded the result) and who may close a finding.
    recheck_roles: list[str] = field(
        default_factory=lambda: ["branch_head", "authorised_deputy", "supervisor"]
    )
    close_roles: list[str] = field(default_factory=lambda: ["branch_head", "supervisor"])
    # Schedules: the period of a periodic checklist ("weekly", "monthly", "quarterly", "yearly"),
    # overriding its template's; checklists done on events may expect a count per "day" or "week"
    # where the branch has fixed routes, e.g. {"atm_replenishment": {"per": "week", "count": 2}}.
    schedule_periods: dict[str, str] = field(default_factory=dict)
    expected_events: dict[str, dict[str, str | int]] = field(default_factory=dict)
    # Key-post rotation (seed 000: 管库、加钞人员三年轮岗; routes changed monthly or quarterly):
    # a post held longer than rotation_years, or a route unchanged longer than route_change_days,
    # is a reminder; past the grace period it is a finding.
    rotation_roles: list[str] = field(default_factory=lambda: ["vault_keeper", "atm_loader"])
    rotation_years: int = 3
    route_change_days: int = 92
    rotation_grace_days: int = 30
    # The compliance index (branchcheck.score): each indicator's weight (≥ 0, summing to 1) and
    # its bands; every indicator must be named. Defaults above (_default_weights, _default_bands).
    index_weights: dict[str, float] = field(default_factory=_default_weights)
    index_bands: dict[str, list[float]] = field(default_factory=_default_bands)

    # Sign-in: after this many wrong passwords in a row a person is locked for this many minutes.
    signin_max_failures: int = 5
    signin_lock_minutes: int = 15
    # backups (branchcheck.backup): the folder ("" = <data home>/backups), how many are kept
    backup_folder: str = ""
    backup_keep: int = 7
    # Keys: a certificate in use (a person's active key, a trusted CA) is shown as expiring this
    # many days before it ends (branchcheck.records.certificates).
    cert_warn_days: int = 30

    def __post_init__(self) -> None:
        _check_index(self.index_weights, self.index_bands)
        if not isinstance(self.backup_keep, int) or self.backup_keep < 1:
            raise InputFileError("backup_keep (backups kept) must be a whole number, at least 1")

    def due_days_for(self, severity: str) -> int:
        return self.due_days.get(severity, 7)


_CACHE: dict[Path, tuple[int, Settings]] = {}


def load_settings(home: Path) -> Settings:
    """The settings in home/settings.json (defaults when absent); re-read when the file changes."""
    path = home / "settings.json"
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return Settings()
    cached = _CACHE.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    settings = _read(path)
    _CACHE[path] = (stamp, settings)
    return settings


def _read(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputFileError(f"{path}: cannot read settings ({exc})") from None
    if not isinstance(raw, dict):
        raise InputFileError(f"{path}: settings must be a JSON object")
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InputFileError(f"{path}: unknown settings {', '.join(unknown)}")
    try:
        return Settings(**raw)
    except InputFileError as exc:
        raise InputFileError(f"{path}: {exc}") from None


def save_settings(home: Path, settings: Settings) -> None:
    write_private(
        home / "settings.json", json.dumps(asdict(settings), ensure_ascii=False, indent=2)
    )


def write_atomically(path: Path, text: str) -> None:
    """Write a private (0600) UTF-8 file atomically: a temporary file beside it, flushed to disk,
    then renamed over it; a crash leaves the old file or the new one, never half of one."""
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_settings(home: Path, settings: Settings) -> Path:
    """Write the settings that differ from the defaults to home/settings.json atomically
    (write_atomically). Returns the file's path."""
    defaults = asdict(Settings())
    data = {k: v for k, v in asdict(settings).items() if v != defaults[k]}
    path = home / "settings.json"
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2))
    _CACHE.pop(path, None)
    return path
