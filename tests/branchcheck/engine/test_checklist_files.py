"""Every template in checklists/ validates; broken copies of each are refused with a message that
names the file and the item (through load_file and through `branchcheck checklists validate`)."""

from pathlib import Path

import pytest
import yaml

from branchcheck.cli import main
from branchcheck.engine.validate import load_file
from branchcheck.errors import TemplateError
from branchcheck.paths import checklists_dir

FILES = sorted(checklists_dir().glob("*.yaml"))
OURS = ["cashbox_handover", "atm_replenishment", "blank_vouchers", "account_management"]


def test_the_checklist_glob_finds_the_shipped_files():
    # the tests below are parametrized over FILES: with none they would pass having run nothing
    assert FILES, f"no *.yaml in {checklists_dir()}"
    assert {"vault_check", *OURS} <= {p.stem for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_checklist_file_validates(path):
    t = load_file(path).template
    assert t.key == path.stem and t.version >= 1
    assert t.record_title.zh and t.record_title.en and t.inspector.staff_roles
    for item in t.items():
        assert item.text.zh and item.text.en and item.source.strip() and item.risk_driver


@pytest.mark.parametrize("key", OURS)
def test_our_checklists_ship(key):
    assert (checklists_dir() / f"{key}.yaml").exists()
    assert (
        "branch_head" in load_file(checklists_dir() / f"{key}.yaml").template.inspector.staff_roles
    )


def items(content):
    return [i for s in content["sections"] for i in s["items"]]


def item(content, key):
    return next(i for i in items(content) if i["key"] == key)


def first(content, type_name=None):
    return next(i for i in items(content) if type_name is None or i["type"] == type_name)


def unknown_type(c):
    i = first(c)
    i["type"] = "nonesuch"
    return f"item '{i['key']}': unknown type 'nonesuch'"


def unknown_rule(c):
    i = first(c, "yes_no")
    i["rule"] = "magic"
    return f"item '{i['key']}': unknown rule 'magic'"


def bad_responsible(c):
    i = first(c, "yes_no")
    i["responsible"] = "ghost"
    return f"item '{i['key']}': responsible names unknown people slot 'ghost'"


def bad_distinct(c):
    c["distinct"].append(["inspector", "ghost"])
    return f"distinct[{len(c['distinct']) - 1}]: unknown people slot 'ghost'"


def duplicate_key(c):
    a, b = items(c)[:2]
    b["key"] = a["key"]
    return f"item '{a['key']}': key used twice"


def missing_zh(c):
    i = first(c)
    i["text"].pop("zh")
    return f"(key '{i['key']}').text.zh: Field required"


def wrong_type_for_rule(c):
    i = first(c, "yes_no")
    i["rule"] = "boxes_match"
    return f"item '{i['key']}': rule 'boxes_match' needs an item of type 'box_list', not 'yes_no'"


BREAKS = [
    unknown_type,
    unknown_rule,
    bad_responsible,
    bad_distinct,
    duplicate_key,
    missing_zh,
    wrong_type_for_rule,
]


def write(tmp_path: Path, key: str, content) -> Path:
    path = tmp_path / f"{key}.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def original(key):
    return yaml.safe_load((checklists_dir() / f"{key}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", [p.stem for p in FILES])
@pytest.mark.parametrize("brk", BREAKS, ids=[b.__name__ for b in BREAKS])
def test_broken_copies_name_file_and_item(tmp_path, key, brk):
    content = original(key)
    expected = brk(content)
    path = write(tmp_path, key, content)
    with pytest.raises(TemplateError) as exc:
        load_file(path)
    assert str(path) in str(exc.value)
    assert expected in str(exc.value)


SPECIFIC = [
    (
        "cashbox_handover",
        lambda c: item(c, "escort_identity")["params"].update(slot="guards"),
        "item 'escort_identity': params.slot must name a people slot (got 'guards')",
    ),
    (
        "cashbox_handover",
        lambda c: item(c, "escort_identity")["params"].update(required_methods=["smile"]),
        "item 'escort_identity': params.required_methods must list methods from",
    ),
    (
        "cashbox_handover",
        lambda c: item(c, "handover_time")["params"]["windows"].update(
            night={"from": "22:00", "to": "23:00"}
        ),
        "item 'handover_time': params.windows: 'night' is not a choice of 'direction'",
    ),
    (
        "cashbox_handover",
        lambda c: item(c, "handover_time")["params"]["windows"].update(
            deliver={"from": "09:00", "to": "07:30"}
        ),
        "item 'handover_time': params.windows.deliver needs from and to as HH:MM",
    ),
    (
        "cashbox_handover",
        lambda c: item(c, "handover_time")["params"].update(choice_item="vehicle_plate"),
        "item 'handover_time': params.choice_item must name a choice item",
    ),
    ("cashbox_handover", lambda c: c["people"][1].update(min=3), "min (3) is larger than max (2)"),
    (
        "atm_replenishment",
        lambda c: item(c, "cassettes")["params"]["denominations"][1].update(face_fen=0),
        "item 'cassettes': params.denominations[1]: face_fen must be a positive whole number",
    ),
    (
        "atm_replenishment",
        lambda c: item(c, "open_differences")["params"].update(max_days=-1),
        "item 'open_differences': params.max_days must be a whole number of days",
    ),
    (
        "atm_replenishment",
        lambda c: c["people"][0].update(staff_roles=["cashier"]),
        "people 'loader_a': unknown staff role 'cashier'",
    ),
    (
        "blank_vouchers",
        lambda c: item(c, "vouchers")["params"]["voucher_types"][0].update(width=0),
        "item 'vouchers': params.voucher_types[0]: width must be a whole number of digits",
    ),
    (
        "blank_vouchers",
        lambda c: item(c, "vouchers")["params"]["voucher_types"][1].update(key="cash_cheque"),
        "item 'vouchers': params.voucher_types[1]: key 'cash_cheque' used twice",
    ),
    (
        "account_management",
        lambda c: item(c, "account_review").pop("rule"),
        "item 'account_review': type 'computed' needs a rule",
    ),
    (
        "account_management",
        lambda c: item(c, "dormant_accounts").update(source=" "),
        "item 'dormant_accounts': source is empty",
    ),
]


@pytest.mark.parametrize("key,change,expected", SPECIFIC)
def test_broken_params_name_file_and_item(tmp_path, key, change, expected):
    content = original(key)
    change(content)
    path = write(tmp_path, key, content)
    with pytest.raises(TemplateError) as exc:
        load_file(path)
    assert str(path) in str(exc.value) and expected in str(exc.value)


def test_validate_command_reports_each_broken_file(tmp_path, capsys):
    good = write(tmp_path, "blank_vouchers", original("blank_vouchers"))
    content = original("cashbox_handover")
    item(content, "box_list")["type"] = "boxlist"
    bad = write(tmp_path, "cashbox_handover", content)
    assert main(["checklists", "validate", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert f"ok      {good}" in out
    assert (
        f"BROKEN  {bad}: 1 problem(s)" in err and "item 'box_list': unknown type 'boxlist'" in err
    )
    assert main(["checklists", "validate", str(good)]) == 0


DOC = Path(__file__).resolve().parents[3] / "docs" / "checklist-format.md"


def doc_block(after: str, lang: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"```{lang}\n", text.index(after)) + len(lang) + 4
    return text[start : text.index("```", start)]


def test_the_documented_new_checklist_validates_and_runs(tmp_path, monkeypatch, branch_store):
    import json

    from branchcheck import inspections

    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "seal_custody.yaml").write_text(
        doc_block("<!-- seal_custody", "yaml"), encoding="utf-8"
    )
    assert main(["checklists", "validate", str(folder)]) == 0
    monkeypatch.setenv("BRANCHCHECK_CHECKLISTS", str(folder))
    data = json.loads(doc_block("Then `branchcheck checklists validate", "json"))
    summary = inspections.run_answers_file(branch_store, "seal_custody", data, inspector="E001")
    assert [(f.item_key, f.severity) for f in summary.findings] == [("use_logged", "medium")]
    assert summary.findings[0].responsible.employee_no == "E001"


def test_documented_messages_are_the_real_ones(tmp_path):
    text = DOC.read_text(encoding="utf-8")
    content = original("cashbox_handover")
    c2 = original("cashbox_handover")
    item(c2, "handover_time")["params"]["windows"]["night"] = {"from": "22:00", "to": "23:00"}
    with pytest.raises(TemplateError) as exc:
        load_file(write(tmp_path, "cashbox_handover", c2))
    line = "item 'handover_time': params.windows: 'night' is not a choice of 'direction' (collect, deliver)"
    assert line in str(exc.value) and line in text
    content["people"][1]["min"] = 3
    with pytest.raises(TemplateError) as exc:
        load_file(write(tmp_path, "cashbox_handover", content))
    line = "people[1] (key 'escorts'): Value error, min (3) is larger than max (2)"
    assert line in str(exc.value) and line in text
