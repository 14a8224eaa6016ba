"""Every shipped checklist validates; broken files get messages naming file and item."""

import shutil
from pathlib import Path

import pytest
import yaml

from branchcheck.checklists import load_file, validate_paths
from branchcheck.errors import TemplateError
from branchcheck.paths import checklists_dir

FILES = sorted(checklists_dir().glob("*.yaml"))


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
