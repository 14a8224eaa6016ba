"""Changing settings: each value checked with a message naming the setting, written atomically,
audited old → new by a person who may."""

import json
import re
import stat

import pytest
from sqlalchemy import select

from branchcheck.db.models import AuditEntry
from branchcheck.errors import AuthError, EntryError
from branchcheck.settings import Settings, load_settings
from branchcheck.settings_admin import (
    change_settings,
    check_value,
    describe_settings,
)


def _audit(store, action):
    with store.session() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [(e.actor, e.detail) for e in rows]


def test_the_screen_gets_each_setting_with_its_label_kind_current_and_default():
    infos = {i.name: i for i in describe_settings(Settings(notes_per_bundle=500))}
    bundle = infos["notes_per_bundle"]
    assert (bundle.label, bundle.kind) == ({"zh": "每捆张数", "en": "Notes per bundle"}, "int")
    assert (bundle.current, bundle.default, bundle.minimum) == (500, 1000, 1)
    assert infos["due_days.critical"].current == 1
    assert infos["language"].choices == ("zh", "en")
    assert infos["backup_folder"].kind == "folder"
    assert {"signin_max_failures", "signin_lock_minutes", "cert_warn_days"} <= set(infos)


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("notes_per_bundle", "12ab", "“每捆张数”须为 1 至 10000 之间的整数，不是“12ab”"),
        ("notes_per_bundle", "0", "Notes per bundle must be a whole number from 1 to 10000"),
        ("notes_per_strap", True, "Notes per strap"),
        ("due_days.high", "-3", "“较高问题”"),
        ("language", "fr", "Default language must be one of Chinese (zh), English (en)"),
        ("backup_folder", "relative/folder", "Backup folder must be a full path"),
        ("backup_folder", "~nobody-here/x", "Backup folder cannot be used"),
        ("backup_folder", "/" + "a" * 300 + "/b", "Backup folder cannot be used"),
        ("backup_folder", "/dev/null", "Backup folder is not a folder: /dev/null"),
        ("nonsense", "1", "there is no setting 'nonsense'"),
    ],
)
def test_a_value_that_cannot_be_is_refused_naming_the_setting(name, value, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        check_value(name, value)


def test_typed_values_become_values():
    assert check_value("notes_per_bundle", " 500 ") == 500
    assert check_value("backup_folder", "  ") == ""
    assert check_value("language", "en") == "en"


def test_a_change_is_written_and_audited_old_to_new(people_store, home):
    new = change_settings(
        people_store,
        home,
        actor="E001",
        changes={"due_days.low": "21", "notes_per_bundle": 1000, "backup_keep": "10"},
    )
    assert new.due_days == {"critical": 1, "high": 3, "medium": 7, "low": 21}
    assert load_settings(home) == new
    path = home / "settings.json"
    assert json.loads(path.read_text()) == {"due_days": new.due_days, "backup_keep": 10}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in home.iterdir() if p.name.startswith(".settings")] == []
    assert _audit(people_store, "settings.change") == [
        (
            "E001",
            {
                "changes": {
                    "due_days.low": {"old": 14, "new": 21},
                    "backup_keep": {"old": 7, "new": 10},
                }
            },
        )
    ]
    assert change_settings(people_store, home, actor="E001", changes={"backup_keep": 10}) == new
    assert len(_audit(people_store, "settings.change")) == 1  # nothing changed: nothing audited


def test_a_refused_change_writes_and_audits_nothing(people_store, home):
    with pytest.raises(AuthError, match="E004"):
        change_settings(people_store, home, actor="E004", changes={"backup_keep": 3})
    with pytest.raises(EntryError) as bad:
        change_settings(
            people_store,
            home,
            actor="E001",
            changes={"backup_keep": "3", "signin_lock_minutes": "forever"},
        )
    assert list(bad.value.fields) == ["signin_lock_minutes"]
    with pytest.raises(EntryError) as together:
        change_settings(
            people_store,
            home,
            actor="E002",
            changes={"notes_per_bundle": 950, "due_days.critical": 30},
        )
    assert set(together.value.fields) == {"notes_per_bundle", "due_days.critical"}
    assert "whole number of straps" in together.value.fields["notes_per_bundle"]
    assert "critical findings cannot be given longer" in together.value.fields["due_days.critical"]
    assert not (home / "settings.json").exists()
    assert _audit(people_store, "settings.change") == []


# ---------------------------------------------------------------- fuzzed (issue 10 §5)

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=1000, deadline=None)
@given(
    name=st.sampled_from([i.name for i in describe_settings()] + ["nope"]),
    value=st.text(max_size=30)
    | st.from_regex(r"[~/][^\x00]{0,300}", fullmatch=True)
    | st.integers()
    | st.none()
    | st.booleans(),
)
def test_any_typed_value_is_a_value_or_a_message_naming_the_setting(name, value):
    infos = {i.name: i for i in describe_settings()}
    try:
        got = check_value(name, value)
    except ValueError as exc:
        label = infos[name].label if name in infos else {"zh": name, "en": name}
        assert label["zh"] in str(exc) and label["en"] in str(exc)
        return
    info = infos[name]
    if info.kind == "int":
        assert isinstance(got, int) and info.minimum <= got <= info.maximum
    elif info.kind == "choice":
        assert got in info.choices
    else:
        assert isinstance(got, str)
