"""An answer's error in the person's terms, in each language, saying where: the item's title, row
N and what the row is, the column's label; the command line's message stays as it was."""

import pytest

from branchcheck import inspections
from branchcheck.errors import AnswerError

PEOPLE = {"vault_keeper": ["E003"], "tellers": ["E004", "E005"]}


@pytest.fixture
def vault(people_store):
    return inspections.start(people_store, checklist="vault_check", inspector="E001", people=PEOPLE)


def refused(store, iid, key, raw) -> AnswerError:
    with pytest.raises(AnswerError) as caught:
        inspections.answer(store, iid, key, raw)
    return caught.value


def test_a_negative_teller_balance_is_told_by_the_column_and_the_teller(people_store, vault):
    row = {"teller": "E004", "system_fen": -10000, "counted_fen": 0}
    err = refused(people_store, vault, "teller_boxes", {"rows": [row]})
    assert "row 1 system_fen must be ≥ 0, got -10000" in err.message  # the CLI's text
    assert (err.field, err.row, err.column) == ("teller_boxes", 1, "system_fen")
    assert err.words("zh").endswith("第 1 行（张伟）系统余额不能为负数（填写的是 -¥100.00）")
    assert err.words("en").endswith(
        "row 1 (张伟), System balance cannot be negative (given: -¥100.00)"
    )
    assert "system_fen" not in err.words("zh") + err.words("en")


def test_a_count_that_is_no_whole_number_names_the_denomination(people_store, vault):
    raw = {"rows": {"n50": {"bundles": "x", "straps": 0, "loose": 0}}, "book_fen": 0}
    err = refused(people_store, vault, "cash_count", raw)
    assert (err.row, err.column) == (2, "bundles")
    assert err.words("zh").endswith("第 2 行（50元券）捆应填整数")
    assert err.words("en").endswith("row 2 (¥50 note), Bundles must be a whole number")


def test_a_negative_book_balance_names_the_field(people_store, vault):
    err = refused(people_store, vault, "cash_count", {"rows": {}, "book_fen": -1})
    assert err.row is None and err.column == "book_fen"
    assert err.words("zh").endswith("：账面余额不能为负数（填写的是 -¥0.01）")
    assert err.words("en").endswith(": book balance cannot be negative (given: -¥0.01)")


def test_an_error_without_words_of_its_own_reads_as_its_message(people_store, vault):
    err = refused(people_store, vault, "no_iou", "maybe")
    assert err.words("zh") == err.words("en") == str(err)


def test_a_cassette_figure_is_told_by_its_row_and_column(people_store):
    import json

    from branchcheck.paths import examples_dir

    example = json.loads(
        (examples_dir() / "answers" / "atm_replenishment.json").read_text(encoding="utf-8")
    )
    iid = inspections.start(
        people_store, checklist="atm_replenishment", inspector="E010", people=example["people"]
    )
    raw = example["answers"]["cassettes"]
    raw["cassettes"][1] = raw["cassettes"][1] | {"remaining": -3}
    err = refused(people_store, iid, "cassettes", raw)
    assert (err.row, err.column) == (2, "remaining")
    assert err.words("zh").endswith("第 2 行（2 号钞箱）钞箱剩余不能为负数（填写的是 -3）")
    assert err.words("en").endswith("row 2 (cassette 2), Remaining cannot be negative (given: -3)")
    raw["cassettes"][1] = raw["cassettes"][1] | {"remaining": 0, "dispensed": 10**7}
    err = refused(people_store, iid, "cassettes", raw)
    assert (err.row, err.column) == (2, "dispensed")
    assert "（2 号钞箱）已付出张数（10000000）多于上次加钞张数" in err.words("zh")
