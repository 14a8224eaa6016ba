"""Fixtures for the checklist engine tests: the staff register with the escort company's escorts,
and evaluation contexts built from the shipped templates."""

from datetime import date
from functools import cache

import pytest

from branchcheck.engine import EvalContext, PersonRef
from branchcheck.engine.validate import load_all
from branchcheck.people import register as staff
from branchcheck.settings import Settings

ESCORT_COMPANY = "赣州市金盾押运有限公司"
ESCORTS = [("X001", "黄海", "360702198803151234"), ("X002", "林涛", "360702199107227654")]

# the staff of tests/conftest.py as PersonRefs, for pure rule tests
REFS = {
    "E001": PersonRef("E001", "王建国", ("branch_head",)),
    "E002": PersonRef("E002", "陈静", ("deputy_head", "authorised_deputy")),
    "E003": PersonRef("E003", "李梅", ("vault_keeper",)),
    "E004": PersonRef("E004", "张伟", ("teller",)),
    "E005": PersonRef("E005", "刘芳", ("teller",)),
    "E006": PersonRef("E006", "赵磊", ("teller", "atm_loader")),
    "E007": PersonRef("E007", "孙丽", ("atm_loader",)),
    "E008": PersonRef("E008", "周强", ("sorter",)),
    "E009": PersonRef("E009", "吴敏", ("bookkeeper",)),
    "E010": PersonRef("E010", "郑华", ("supervisor",)),
    "X001": PersonRef("X001", "黄海", ("escort",), external=True),
    "X002": PersonRef("X002", "林涛", ("escort",), external=True),
}


@cache
def template(key):
    return load_all()[key].template


def refs(people: dict[str, list[str]]) -> dict[str, list[PersonRef]]:
    return {slot: [REFS[no] for no in nos] for slot, nos in people.items()}


def make_ctx(key, people, *, inspector="E001", answers=None, facts=None, day=date(2026, 11, 20)):
    return EvalContext(
        template=template(key),
        local_date=day,
        inspector=REFS[inspector],
        people=refs(people),
        settings=Settings(),
        answers=answers or {},
        facts=facts or {},
    )


@pytest.fixture
def branch_store(people_store):
    """The staff register of tests/conftest.py plus two external escorts."""
    for no, name, id_number in ESCORTS:
        staff.add_staff(
            people_store,
            employee_no=no,
            name=name,
            roles=["escort"],
            external=True,
            organisation=ESCORT_COMPANY,
            id_number=id_number,
        )
    return people_store
