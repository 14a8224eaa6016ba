"""Head office's signing credential for tests: one key (and its CA), made once per run, the
store's head-office signer wherever a test changes the trust store or ingests with it."""

from __future__ import annotations

from functools import cache

from cryptography import x509

from branchcheck.records import pki


@cache
def ho_signer() -> tuple[pki.Credential, x509.Certificate]:
    """(head office's credential, its CA's certificate)."""
    ca_key, ca_cert = pki.create_ca("总行测试 CA", "总行")
    key, cert = pki.issue_signing_cert(
        ca_key, ca_cert, name="总行收件", employee_no="HO001", organization="总行"
    )
    return pki.Credential(key, cert, [ca_cert]), ca_cert


def ho_key() -> pki.Credential:
    return ho_signer()[0]
