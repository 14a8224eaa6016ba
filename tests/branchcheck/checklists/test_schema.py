"""The template's schedule declaration."""

import pytest
from pydantic import ValidationError

from branchcheck.checklists.schema import Schedule
from branchcheck.engine.validate import load_all


def test_every_shipped_template_declares_its_schedule():
    declared = {k: t.template.schedule for k, t in load_all().items()}
    assert declared["vault_check"] == Schedule(
        kind="weekly", teller_coverage=True, pre_holiday=True
    )
    assert declared["blank_vouchers"] == Schedule(kind="periodic", period="monthly")
    assert declared["account_review"] == Schedule(kind="periodic", period="quarterly")
    assert declared["account_management"] == Schedule(kind="periodic", period="quarterly")
    assert declared["cashbox_handover"] == declared["atm_replenishment"] == Schedule(kind="events")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"kind": "periodic"}, "names its period"),
        ({"kind": "weekly", "period": "monthly"}, "a weekly schedule has no period"),
        ({"kind": "events", "teller_coverage": True}, "belong to a weekly schedule"),
        ({"kind": "periodic", "period": "fortnightly"}, "monthly"),
        ({"kind": "daily"}, "weekly"),
        ({"kind": "weekly", "when": "friday"}, "Extra inputs"),
    ],
)
def test_a_wrong_schedule_is_refused(raw, message):
    with pytest.raises(ValidationError, match=message):
        Schedule.model_validate(raw)
