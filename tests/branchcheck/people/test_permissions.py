"""The matrix of roles × actions: every cell asked of the one rule, a person of each role and
each kind (external, deactivated) against every action; every refusal says who and why."""

import pytest

from branchcheck.db.models import Staff
from branchcheck.people import permissions
from branchcheck.people.permissions import PERMISSIONS, Context, matrix, refusal
from branchcheck.settings import Settings
from branchcheck.taxonomy import STAFF_ROLES

SETTINGS = Settings()
ME = "E100"


def person(roles, *, external=False, active=True) -> Staff:
    return Staff(employee_no=ME, name="测试", roles=list(roles), external=external, active=active)


def expected(action: str, roles: tuple[str, ...], ctx: Context, external: bool) -> bool:
    """The matrix read directly: may a person of `roles` in `ctx` take `action`?"""
    rule = PERMISSIONS[action]
    if external and not rule.externals:
        return False
    if any(getattr(ctx, t, None) == ME for t in rule.not_the):
        return False
    for token in rule.who:
        if token == "checklist" and set(roles) & set(ctx.checklist_roles):
            return True
        if token in ("inspector", "party", "responsible") and getattr(ctx, token) == ME:
            return True
        if set(roles) & set(permissions.roles_of(token, SETTINGS)):
            return True
    return False


CONTEXTS = {
    "none": Context(),
    "inspector": Context(inspector=ME),
    "party": Context(party=ME),
    "responsible": Context(responsible=ME),
    "result_by": Context(result_by=ME, responsible="E001"),
    "checklist": Context(checklist_roles=("branch_head", "authorised_deputy")),
}


@pytest.mark.parametrize("action", list(PERMISSIONS))
def test_every_cell_of_the_matrix(action):
    cells = 0
    for role in STAFF_ROLES:
        for external in (False, True):
            for name, ctx in CONTEXTS.items():
                why = refusal(action, person([role], external=external), SETTINGS, ctx)
                allowed = expected(action, (role,), ctx, external)
                assert (why is None) == allowed, (action, role, external, name, why)
                if why is not None:
                    assert ME in why and " / " in why  # names the person, in both languages
                cells += 1
    assert cells == len(STAFF_ROLES) * 2 * len(CONTEXTS)


def test_a_deactivated_person_takes_no_action():
    gone = person(list(STAFF_ROLES), active=False)
    for action in PERMISSIONS:
        why = refusal(action, gone, SETTINGS, Context(inspector=ME, party=ME))
        assert why is not None and "已停用" in why


def test_only_the_application_sweeps_and_no_person_does():
    assert refusal("sweep", None, SETTINGS) is None
    assert refusal("sweep", person(["branch_head"]), SETTINGS) is not None
    assert (
        refusal("answer", None, SETTINGS)
        == "“填写检查”须由本人办理 / answer a check needs a signed-in person"
    )


def test_no_check_by_proxy_and_no_recheck_of_ones_own_work():
    head = person(["branch_head"])
    assert refusal("answer", head, SETTINGS, Context(inspector="E002")) is not None
    assert refusal("recheck", head, SETTINGS, Context(responsible=ME)) == (
        "测试（E100） 是整改责任人，不能复查确认 / E100 is the person responsible: cannot re-check"
    )
    escort = person(["escort"], external=True)
    assert refusal("sign_party", escort, SETTINGS, Context(party=ME)) is None
    assert refusal("rectify", escort, SETTINGS, Context(responsible=ME)) is not None


def test_the_matrix_rows_name_who_may_in_words():
    rows = {r.action: r for r in matrix(SETTINGS)}
    assert list(rows) == list(PERMISSIONS)
    assert rows["restore"].who_zh == "网点负责人" and rows["restore"].who_en == "branch head"
    assert rows["close"].who_en == "branch head, operations supervisor"
    assert rows["sign_party"].externals and not rows["answer"].externals


def test_no_check_by_proxy_in_the_core(people_store):
    """Answering, drafting and completing another inspector's record is refused, nothing kept."""
    import sqlite3

    from branchcheck import inspections
    from branchcheck.errors import AuthError

    iid = inspections.start(
        people_store,
        checklist="vault_check",
        inspector="E001",
        people={"vault_keeper": ["E003"], "tellers": ["E004"]},
    )

    def entries() -> int:
        db = sqlite3.connect(people_store.path)
        try:
            return db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
        finally:
            db.close()

    before = entries()
    key = next(
        i.key for i in inspections.load(people_store, iid).template.items() if i.type == "yes_no"
    )
    for who in ("E002", "E003", "E010"):
        with pytest.raises(
            AuthError, match=f"{who} cannot answer a check: only the record's inspector"
        ):
            inspections.answer(people_store, iid, key, "yes", actor=who)
        with pytest.raises(AuthError):
            inspections.save_draft(people_store, iid, key, "ye", actor=who)
        with pytest.raises(AuthError):
            inspections.complete(people_store, iid, actor=who)
    assert entries() == before and inspections.load(people_store, iid).answers == {}
    inspections.answer(people_store, iid, key, "yes", actor="E001")
    assert inspections.load(people_store, iid).answers == {key: "yes"}
