"""Fixtures of the records tests: a demo CA with the inspector's credential, a second
(untrusted) CA, the sample record with its seal, and the rendered files (session-scoped)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from branchcheck.records import sealing

_HERE = Path(__file__).resolve().parent


def _load_sample() -> Any:
    name = "branchcheck_tests_records_sample"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _HERE / "sample.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


sample = _load_sample()


@pytest.fixture(scope="session")
def rsample() -> Any:
    """The sample module (build_doc, DemoPKI)."""
    return sample


@pytest.fixture(scope="session")
def demo_pki() -> Any:
    return sample.DemoPKI()


@pytest.fixture(scope="session")
def other_pki() -> Any:
    return sample.DemoPKI("另一分行")


@pytest.fixture(scope="session")
def cred(demo_pki: Any) -> Any:
    return demo_pki.cred


@pytest.fixture(scope="session")
def roots(demo_pki: Any) -> list[Any]:
    return [demo_pki.ca_cert]


@pytest.fixture
def doc() -> dict[str, Any]:
    return sample.build_doc()


@pytest.fixture(scope="session")
def sealed(cred: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    d = sample.build_doc()
    return d, sealing.seal_document(d, cred)


@pytest.fixture(scope="session")
def signed_pdf(sealed: Any, cred: Any) -> bytes:
    from branchcheck.records import render_pdf

    d, s = sealed
    return render_pdf(d, s, cred)


@pytest.fixture(scope="session")
def unsigned_pdf(sealed: Any) -> bytes:
    from branchcheck.records import render_pdf

    d, s = sealed
    return render_pdf(d, s, None)


@pytest.fixture(scope="session")
def signed_xlsx(sealed: Any, cred: Any) -> bytes:
    from branchcheck.records import render_xlsx

    d, s = sealed
    return render_xlsx(d, s, cred)
