"""The certificates of the branch, as people see them: each person's signing certificates (the
active one and earlier ones, kept to verify the records they sealed), the branch CA and the other
CAs the branch trusts, each with its validity, fingerprint and how soon it expires.

A certificate is `expiring` when it is in use (a person's active key, or a trusted CA) and ends
within the setting `cert_warn_days` (default 30) of the branch-local date; `expired` once it
has ended. Read only: nothing here changes the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from branchcheck import clock
from branchcheck.db import Store
from branchcheck.db.models import Credential, Staff, TrustedCA
from branchcheck.settings import Settings, load_settings
from branchcheck.views import PersonRef

PERSON, BRANCH_CA, TRUSTED_CA = "person", "branch_ca", "trusted_ca"


@dataclass(frozen=True)
class CertificateInfo:
    """One certificate. `kind` is person, branch_ca or trusted_ca; `employee_no` and `name` are
    the person's (None and the CA's name for a CA). Dates are branch-local ISO dates."""

    kind: str
    employee_no: str | None
    name: str
    subject: str
    issuer: str
    valid_from: str
    valid_to: str
    fingerprint: str
    active: bool
    demo: bool
    expires_in_days: int
    expiring: bool
    expired: bool
    needs_attention: bool  # in use and expiring or expired: what the screen and `keys list` warn of


@dataclass(frozen=True)
class KeysOverview:
    """What the keys screen shows: every certificate, the active branch staff (escorts excluded),
    those of them who have no signing key yet, and whether the branch has its own CA."""

    certificates: list[CertificateInfo]
    staff: list[PersonRef]
    without_key: list[PersonRef]
    has_branch_ca: bool

    @property
    def warnings(self) -> list[CertificateInfo]:
        return [c for c in self.certificates if c.needs_attention]


def settings_of(store: Store) -> Settings:
    return load_settings(store.path.parent) if store.path is not None else Settings()


def _info(
    pem: str,
    *,
    kind: str,
    employee_no: str | None,
    name: str | None,
    active: bool,
    demo: bool,
    as_of: date,
    settings: Settings,
) -> CertificateInfo:
    from branchcheck.records import pki

    cert = pki.cert_from_pem(pem)
    start = clock.local(cert.not_valid_before_utc, settings.timezone).date()
    end = clock.local(cert.not_valid_after_utc, settings.timezone).date()
    left = (end - as_of).days
    return CertificateInfo(
        kind=kind,
        employee_no=employee_no,
        name=name or pki.cert_name(cert),
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        valid_from=start.isoformat(),
        valid_to=end.isoformat(),
        fingerprint=pki.fingerprint(cert),
        active=active,
        demo=demo,
        expires_in_days=left,
        expiring=active and 0 <= left <= settings.cert_warn_days,
        expired=left < 0,
        needs_attention=active and left <= settings.cert_warn_days,
    )


def certificates(
    store: Store, *, as_of: date | None = None, settings: Settings | None = None
) -> list[CertificateInfo]:
    """Every person's certificates (by employee number, the active one first, then the earlier
    ones newest first), then the branch CA and the other trusted CAs, oldest first."""
    return overview(store, as_of=as_of, settings=settings).certificates


def overview(
    store: Store, *, as_of: date | None = None, settings: Settings | None = None
) -> KeysOverview:
    settings = settings or settings_of(store)
    day = as_of or clock.now(settings.timezone).date()
    out: list[CertificateInfo] = []
    with store.session() as s:
        rows = s.execute(
            select(Credential, Staff)
            .join(Staff, Staff.id == Credential.staff_id)
            .order_by(Staff.employee_no, Credential.active.desc(), Credential.id.desc())
        ).all()
        for cred, person in rows:
            out.append(
                _info(
                    cred.certificate_pem,
                    kind=PERSON,
                    employee_no=person.employee_no,
                    name=person.name,
                    active=bool(cred.active),
                    demo=bool(cred.demo),
                    as_of=day,
                    settings=settings,
                )
            )
        cas = list(
            s.scalars(select(TrustedCA).order_by(TrustedCA.own_branch_ca.desc(), TrustedCA.id))
        )
        for ca in cas:
            out.append(
                _info(
                    ca.certificate_pem,
                    kind=BRANCH_CA if ca.own_branch_ca else TRUSTED_CA,
                    employee_no=None,
                    name=None,
                    active=True,
                    demo="DEMO" in ca.label,
                    as_of=day,
                    settings=settings,
                )
            )
        keyed = {person.id for cred, person in rows if cred.active}
        staff = s.scalars(
            select(Staff)
            .where(Staff.active.is_(True), Staff.external.is_(False))
            .order_by(Staff.employee_no)
        )
        people = [(p.id, PersonRef(p.employee_no, p.name, tuple(p.roles or ()))) for p in staff]
        has_ca = any(ca.own_branch_ca for ca in cas)
    without = [ref for pid, ref in people if pid not in keyed]
    return KeysOverview(out, [ref for _pid, ref in people], without, has_ca)
