"""The index on hand-computed examples: bands at their edges, an empty period, bad settings."""

import json

import pytest

from branchcheck.errors import InputFileError
from branchcheck.score.indicators import PeriodFacts, band_score, band_words, compute
from branchcheck.settings import Settings, load_settings

S = Settings()


def scores(index):
    return {i.key: i.score for i in index.indicators}


def test_a_quarter_computed_by_hand():
    facts = PeriodFacts(
        "2026-01-01",
        "2026-03-31",
        scheduled=13,
        on_time=12,  # 92.3% → 2 (≥ 90%)
        tellers_expected=39,
        tellers_covered=39,  # 100% → 3
        checks=13,
        check_findings=5,  # 0.38 per check → 3 (≤ 0.5)
        findings_due=4,
        rectified_on_time=3,  # 75% → 1 (< 80%)
        findings=6,
        repeats=1,  # 16.7% → 2 (≤ 20%)
        missed=1,  # 1 → 2 (1–2)
    )
    index = compute(facts, S)
    assert scores(index) == {
        "on_time_checks": 2,
        "teller_coverage": 3,
        "findings_per_check": 3,
        "rectified_on_time": 1,
        "repeat_findings": 2,
        "missed_problems": 2,
    }
    # 0.25·2 + 0.15·3 + 0.10·3 + 0.20·1 + 0.15·2 + 0.15·2 = 0.5+0.45+0.3+0.2+0.3+0.3
    assert index.index == 2.05
    by_key = {i.key: i for i in index.indicators}
    assert by_key["on_time_checks"].display == "92.3%"
    assert by_key["on_time_checks"].band == "≥ 90.0%"
    assert (by_key["on_time_checks"].numerator, by_key["on_time_checks"].denominator) == (12, 13)
    assert by_key["findings_per_check"].display == "0.38"
    assert by_key["missed_problems"].display == "1"
    assert by_key["missed_problems"].band == "1–2"
    assert by_key["rectified_on_time"].band == "< 80.0%"
    assert (index.checks, index.findings) == (13, 6)


def test_an_empty_period_scores_three_everywhere_and_shows_a_dash():
    index = compute(PeriodFacts("2026-01-01", "2026-01-31"), S)
    assert index.index == 3.0
    dashes = [i for i in index.indicators if i.key != "missed_problems"]
    assert all(i.raw is None and i.display == "—" and i.band == "—" for i in dashes)
    missed = index.indicators[-1]
    assert (missed.raw, missed.display, missed.band, missed.score) == (0.0, "0", "≤ 0", 3)


def test_the_worst_period_scores_one_everywhere():
    facts = PeriodFacts(
        "a",
        "b",
        scheduled=4,
        tellers_expected=10,
        tellers_covered=5,
        checks=1,
        check_findings=3,
        findings_due=2,
        findings=3,
        repeats=3,
        missed=3,
    )
    index = compute(facts, S)
    assert set(scores(index).values()) == {1}
    assert index.index == 1.0


@pytest.mark.parametrize(
    ("key", "raw", "score"),
    [
        ("on_time_checks", 1.0, 3),
        ("on_time_checks", 0.9, 2),  # the edge belongs to the better band
        ("on_time_checks", 0.8999, 1),
        ("rectified_on_time", 0.9, 3),
        ("rectified_on_time", 0.8, 2),
        ("rectified_on_time", 0.7999, 1),
        ("findings_per_check", 0.5, 3),
        ("findings_per_check", 0.5001, 2),
        ("findings_per_check", 1.5, 2),
        ("findings_per_check", 1.5001, 1),
        ("repeat_findings", 0.0, 3),
        ("repeat_findings", 0.2, 2),
        ("repeat_findings", 0.2001, 1),
        ("missed_problems", 0, 3),
        ("missed_problems", 2, 2),
        ("missed_problems", 3, 1),
    ],
)
def test_bands_at_their_edges(key, raw, score):
    assert band_score(key, raw, S.index_bands[key]) == score


def test_band_words():
    assert band_words("findings_per_check", 3, [0.5, 1.5]) == "≤ 0.50"
    assert band_words("findings_per_check", 1, [0.5, 1.5]) == "> 1.50"
    assert band_words("missed_problems", 1, [0, 2]) == "≥ 3"
    assert band_words("missed_problems", 2, [0, 1]) == "1"
    assert band_words("teller_coverage", 3, [1.0, 0.9]) == "≥ 100.0%"


def test_weights_and_bands_from_settings():
    weights = dict.fromkeys(S.index_weights, 0.0) | {"teller_coverage": 1.0}
    only_coverage = Settings(index_weights=weights)
    facts = PeriodFacts("a", "b", tellers_expected=10, tellers_covered=9)
    assert compute(facts, only_coverage).index == 2.0
    strict = Settings(
        index_weights=weights, index_bands=S.index_bands | {"teller_coverage": [0.95, 0.91]}
    )
    assert compute(facts, strict).index == 1.0


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"index_weights": {"on_time_checks": 1.0}}, "give a weight for each"),
        ({"index_weights": dict.fromkeys(S.index_weights, 0.2)}, "add up to 1.2, not 1"),
        (
            {
                "index_weights": dict(S.index_weights)
                | {"on_time_checks": -0.1, "teller_coverage": 0.5}
            },
            "on_time_checks must be a number ≥ 0",
        ),
        ({"index_bands": S.index_bands | {"teller_coverage": [0.8, 0.9]}}, "out of order"),
        ({"index_bands": S.index_bands | {"repeat_findings": [0.3, 0.1]}}, "out of order"),
        ({"index_bands": S.index_bands | {"missed_problems": [1]}}, "two numbers"),
        ({"index_bands": {"on_time_checks": [1, 0.9]}}, "give the bands of each"),
    ],
)
def test_a_bad_settings_file_is_refused_with_its_name(home, change, words):
    (home / "settings.json").write_text(json.dumps(change), encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        load_settings(home)
    assert str(home / "settings.json") in str(err.value)
    assert words in str(err.value)


def test_weights_within_the_tolerance_are_accepted(home):
    weights = dict(S.index_weights) | {"on_time_checks": 0.25 + 1e-10}
    (home / "settings.json").write_text(json.dumps({"index_weights": weights}), encoding="utf-8")
    assert load_settings(home).index_weights["on_time_checks"] == 0.25 + 1e-10


def test_index_settings_survive_a_save_and_load(home):
    from branchcheck.settings import save_settings

    weights = dict.fromkeys(S.index_weights, 0.0) | {"on_time_checks": 0.5, "missed_problems": 0.5}
    saved = Settings(index_weights=weights, index_bands=S.index_bands | {"missed_problems": [1, 3]})
    save_settings(home, saved)
    loaded = load_settings(home)
    assert (loaded.index_weights, loaded.index_bands) == (saved.index_weights, saved.index_bands)
