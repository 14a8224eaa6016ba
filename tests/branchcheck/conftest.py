"""Fixtures for the core tests."""

import json

import pytest

YES = [
    "no_iou",
    "within_limit",
    "damaged_counterfeit",
    "daily_settlement",
    "midday_leave",
    "no_cross_branch",
    "error_account",
    "sealed_boxes",
    "keys_codes",
    "registers",
    "dual_custody",
    "under_camera",
    "in_person",
    "counted_in_person",
]


@pytest.fixture(autouse=True)
def signin_password(monkeypatch):
    """SIGNIN_PW holds every test person's sign-in password (tests/conftest.py's PASSWORD, the
    demo's too): the CLI's `--as EMP --password-env SIGNIN_PW`."""
    monkeypatch.setenv("SIGNIN_PW", "demo1234")


def _answers_file(tmp_path, **changes):
    data = {
        "date": "2026-11-19T10:00:00+08:00",
        "late_reason": "纸质查库登记簿补录",
        "people": {"vault_keeper": ["E003"], "tellers": ["E004", "E005", "E006"]},
        "answers": {k: "yes" for k in YES}
        | {
            "cash_count": {
                "rows": {"n100": {"bundles": 1, "straps": 2, "loose": 3}},
                "book_fen": 12030000,
            },
            "teller_boxes": {
                "rows": [
                    {"teller": t, "system_fen": 100000, "counted_fen": 100000}
                    for t in ("E004", "E005", "E006")
                ]
            },
        },
    }
    data.update(changes)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def answers_file():
    """Write a valid vault-check answers file (with changes) into a folder; returns its path."""
    return _answers_file


@pytest.fixture
def signed_answers_file(answers_file):
    """A valid vault-check answers file with a signature for every signing person."""

    def make(tmp_path, **changes):
        from branchcheck.records import handwriting

        path = answers_file(tmp_path, **changes)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["signatures"] = {
            no: handwriting.demo_strokes(no) for no in ("E001", "E003", "E004", "E005", "E006")
        }
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return make


def inspect_and_sign(path, password_env: str) -> list[str]:
    """argv of `branchcheck inspect vault_check … --sign` as E001."""
    return [
        "inspect",
        "vault_check",
        "--answers",
        str(path),
        "--as",
        "E001",
        "--password-env",
        "SIGNIN_PW",
        "--sign",
        *(f"--party-password-env={no}=SIGNIN_PW" for no in ("E003", "E004", "E005", "E006")),
        "--key-password-env",
        password_env,
    ]


@pytest.fixture
def signed_inspect_argv():
    return inspect_and_sign
