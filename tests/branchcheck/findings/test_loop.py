"""A required text of the findings loop left empty is refused in the person's words."""

import pytest

from branchcheck.errors import AnswerError
from branchcheck.findings.loop import text_of


@pytest.mark.parametrize("value", ["", "  ", None])
def test_an_empty_required_text_is_refused_in_each_language(value):
    with pytest.raises(AnswerError) as caught:
        text_of(value, "整改措施 (action)")
    err = caught.value
    assert err.message == "整改措施 (action) is required and cannot be empty"  # the CLI's text
    assert err.words("zh") == "请填写整改措施"
    assert err.words("en") == "Please enter the corrective action"
    assert err.field == "action"


def test_a_given_text_is_kept_trimmed():
    assert text_of("  换锁  ", "整改措施 (action)") == "换锁"
