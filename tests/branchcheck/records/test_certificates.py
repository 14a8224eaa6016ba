"""The certificates as people see them: validity, fingerprint, expiry warnings, who has no key."""

from datetime import UTC, date, datetime, timedelta

from branchcheck.records import certificates, keys, pki
from branchcheck.settings import Settings

CA_PW = "ca-password-1"


def _branch_keys(store, *, issued=None):
    keys.create_branch_ca(store, ca_password=CA_PW, not_before=issued)
    keys.issue_credential(
        store, employee_no="E001", password="key-pw-01", ca_password=CA_PW, not_before=issued
    )


def test_each_person_certificate_and_the_branch_ca_with_validity_and_fingerprint(people_store):
    issued = datetime(2026, 1, 10, 2, tzinfo=UTC)
    _branch_keys(people_store, issued=issued)
    certs = certificates.certificates(people_store, as_of=date(2026, 6, 1))
    person, ca = certs
    cred = keys.load_credential(people_store, "E001", "key-pw-01")
    assert (person.kind, person.employee_no, person.name) == ("person", "E001", "王建国")
    assert person.fingerprint == pki.fingerprint(cred.cert)
    assert person.valid_from == "2026-01-10"
    assert person.valid_to == "2031-01-09"  # five years (1825 days) later, branch-local
    assert person.expires_in_days == (date(2031, 1, 9) - date(2026, 6, 1)).days
    assert person.active and not person.expiring and not person.expired
    assert "E001" in person.subject and person.issuer == ca.subject
    assert (ca.kind, ca.employee_no, ca.active) == ("branch_ca", None, True)
    assert ca.valid_to == "2036-01-08"


def test_a_certificate_within_30_days_of_its_end_is_expiring_then_expired(people_store):
    _branch_keys(people_store, issued=datetime(2026, 1, 10, 2, tzinfo=UTC))
    end = date(2031, 1, 9)

    def person(day, settings=None):
        return certificates.certificates(people_store, as_of=day, settings=settings)[0]

    assert not person(end - timedelta(days=31)).expiring
    assert person(end - timedelta(days=30)).expiring
    assert person(end - timedelta(days=30)).needs_attention
    assert person(end).expiring and person(end).expires_in_days == 0
    gone = person(end + timedelta(days=1))
    assert gone.expired and not gone.expiring and gone.needs_attention
    assert person(end - timedelta(days=60), Settings(cert_warn_days=60)).expiring


def test_earlier_keys_are_listed_inactive_and_never_warned_about(people_store):
    _branch_keys(people_store, issued=datetime(2021, 3, 1, tzinfo=UTC))
    keys.issue_credential(people_store, employee_no="E001", password="key-pw-02", ca_password=CA_PW)
    view = certificates.overview(people_store, as_of=date(2026, 2, 20))
    new, old, _ca = view.certificates
    assert new.active and not old.active
    assert old.expiring is False and not old.needs_attention  # five years: ends 2026-02-28
    assert old.expires_in_days == 8
    assert [c.fingerprint for c in view.warnings] == []


def test_the_overview_names_the_staff_without_a_key_and_whether_there_is_a_branch_ca(
    people_store,
):
    empty = certificates.overview(people_store)
    assert not empty.has_branch_ca and empty.certificates == []
    assert [p.employee_no for p in empty.without_key][:3] == ["E001", "E002", "E003"]
    _branch_keys(people_store)
    view = certificates.overview(people_store)
    assert view.has_branch_ca
    assert "E001" not in [p.employee_no for p in view.without_key]
    assert len(view.without_key) == 9 and len(view.staff) == 10
