"""Every shipped checklist validates; broken files get messages naming file and item."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from branchcheck.checklists import loader
from branchcheck.engine.validate import load_all, load_file, validate_paths
from branchcheck.errors import TemplateError
from branchcheck.paths import checklists_dir

FILES = sorted(checklists_dir().glob("*.yaml"))


def test_there_are_checklists():
    assert len(FILES) >= 6, "checklists/*.yaml is empty"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_checklist_file_validates(path):
    loaded = load_file(path)
    t = loaded.template
    assert t.key == path.stem
    for item in t.items():
        assert item.text.zh and item.text.en and item.source


def _broken(tmp_path: Path, change) -> Path:
    content = yaml.safe_load((checklists_dir() / "vault_check.yaml").read_text(encoding="utf-8"))
    change(content)
    path = tmp_path / "vault_check.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


def _item(content, key):
    return next(i for s in content["sections"] for i in s["items"] if i["key"] == key)


@pytest.mark.parametrize(
    "change,expected",
    [
        (lambda c: _item(c, "no_iou").update(type="yesno"), "item 'no_iou': unknown type 'yesno'"),
        (lambda c: _item(c, "no_iou").update(severity="huge"), "(key 'no_iou').severity"),
        (
            lambda c: _item(c, "no_iou").update(risk_driver="bad_luck"),
            "item 'no_iou': unknown risk_driver",
        ),
        (lambda c: _item(c, "no_iou")["text"].pop("zh"), "(key 'no_iou').text.zh: Field required"),
        (lambda c: _item(c, "within_limit").update(key="no_iou"), "item 'no_iou': key used twice"),
        (
            lambda c: _item(c, "weekly_coverage").update(rule="magic"),
            "item 'weekly_coverage': unknown rule 'magic'",
        ),
        (lambda c: _item(c, "no_iou").update(responsible="boss"), "unknown people slot 'boss'"),
        (
            lambda c: _item(c, "no_iou").update(rule="cash_balances"),
            "item 'no_iou': rule 'cash_balances' needs an item of type 'cash_count', not 'yes_no'",
        ),
        (
            lambda c: _item(c, "cash_count")["params"]["denominations"][0].update(face_fen=-1),
            "item 'cash_count': params.denominations[0]: face_fen must be a positive",
        ),
        (
            lambda c: c["distinct"].append(["inspector", "ghost"]),
            "distinct[2]: unknown people slot 'ghost'",
        ),
        (lambda c: c.update(version=0), "version"),
        (lambda c: c["inspector"].update(staff_roles=["king"]), "unknown staff role 'king'"),
    ],
)
def test_broken_templates_name_file_and_item(tmp_path, change, expected):
    path = _broken(tmp_path, change)
    with pytest.raises(TemplateError) as exc:
        load_file(path)
    assert str(path) in str(exc.value)
    assert expected in str(exc.value)


def test_yaml_syntax_error_names_line(tmp_path):
    path = tmp_path / "vault_check.yaml"
    shutil.copy(checklists_dir() / "vault_check.yaml", path)
    path.write_text(path.read_text(encoding="utf-8") + "\n  - : : [\n", encoding="utf-8")
    [(p, message)] = validate_paths([path])
    assert message and "not valid YAML at line" in message and str(path) in message


def test_key_must_match_file_name(tmp_path):
    path = tmp_path / "other.yaml"
    shutil.copy(checklists_dir() / "vault_check.yaml", path)
    with pytest.raises(TemplateError, match="must match the file name 'other'"):
        load_file(path)


@pytest.fixture
def parses(monkeypatch):
    """The files the loader parses, in order."""
    seen: list[str] = []
    real = loader.parse_yaml

    def counting(text, path, *args):
        seen.append(Path(path).name)
        return real(text, path, *args)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    return seen


def test_checklists_are_parsed_once(tmp_path, parses):
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    first = load_all(folder)
    assert sorted(parses) == sorted(p.name for p in FILES)
    second = load_all(folder)
    assert len(parses) == len(FILES)  # nothing parsed again
    assert all(second[k].content is first[k].content for k in first)
    assert {k: lt.sha256 for k, lt in second.items()} == {k: lt.sha256 for k, lt in first.items()}


def test_an_edited_checklist_is_read_again(tmp_path, parses):
    folder = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), folder)
    before = load_all(folder)["vault_check"]
    path = folder / "vault_check.yaml"
    # same size, same second: only the content tells the edit apart
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"^version: (\d+)", lambda m: f"version: {int(m[1]) + 1}", text, count=1, flags=re.M
    )
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = load_all(folder)["vault_check"]
    assert parses.count("vault_check.yaml") == 2 and len(parses) == len(FILES) + 1
    assert after.template.version == before.template.version + 1
    assert after.sha256 != before.sha256


def test_the_c_loader_is_used_where_present():
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    assert loader.YAML_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_c_and_python_loaders_agree(path):
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    text = path.read_text(encoding="utf-8")
    fast = loader.parse_yaml(text, path, yaml.CSafeLoader)
    slow = loader.parse_yaml(text, path, yaml.SafeLoader)
    assert fast == slow
    assert json.dumps(fast, sort_keys=True) == json.dumps(slow, sort_keys=True)


@pytest.mark.parametrize("broken", ["a: [1, 2\n", "a: b: c\n", "\tfoo: 1\n", "a: *nope\n"])
def test_yaml_errors_read_the_same_with_either_loader(broken):
    messages = []
    for yaml_loader in (loader.YAML_LOADER, yaml.SafeLoader):
        with pytest.raises(TemplateError) as exc:
            loader.parse_yaml(broken, Path("f.yaml"), yaml_loader)
        messages.append(str(exc.value))
    assert messages[0] == messages[1]
    assert messages[0].startswith("f.yaml: not valid YAML at line ")
