from datetime import date

import pytest

from branchcheck.errors import NotFoundError
from branchcheck.schedule.periods import parse_label, period_of, periods


def test_labels_name_their_periods_both_ways():
    for kind, day, label, first, last in [
        ("weekly", date(2026, 12, 31), "2026-W53", date(2026, 12, 28), date(2027, 1, 3)),
        ("monthly", date(2026, 2, 14), "2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("quarterly", date(2026, 11, 5), "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("yearly", date(2026, 6, 1), "2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("day", date(2026, 2, 14), "2026-02-14", date(2026, 2, 14), date(2026, 2, 14)),
    ]:
        p = period_of(kind, day)
        assert (p.label, p.first, p.last) == (label, first, last)
        assert parse_label(label) == p


def test_periods_overlapping_a_range():
    assert [p.label for p in periods("monthly", date(2026, 11, 30), date(2027, 1, 1))] == [
        "2026-11",
        "2026-12",
        "2027-01",
    ]


@pytest.mark.parametrize("label", ["2026-W60", "2026-13", "soon", "2026-Q5"])
def test_a_label_that_names_no_period_is_refused(label):
    with pytest.raises(NotFoundError, match="names no period"):
        parse_label(label)
