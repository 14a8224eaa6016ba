"""Finding an inspection in the store, and the one guard of every change to it. Light: imports only
the store's models, for the read-only paths."""

from __future__ import annotations

from sqlalchemy.orm import Session

from branchcheck.db.models import Inspection, TemplateVersion
from branchcheck.errors import NotFoundError, StateError
from branchcheck.taxonomy import OPEN_STATES

__all__ = ["OPEN_STATES", "get_inspection", "require_open", "template_title"]


def get_inspection(session: Session, inspection_id: str) -> Inspection:
    """The inspection with exactly this ID (the CLI resolves a unique prefix before calling)."""
    insp = session.get(Inspection, inspection_id)
    if insp is None:
        raise NotFoundError(f"no inspection or record with ID '{inspection_id}'")
    return insp


def require_open(insp: Inspection) -> None:
    """A sealed record never changes."""
    if insp.status not in OPEN_STATES:
        raise StateError(
            f"inspection {insp.id} is {insp.status}: a sealed record never changes",
            hint="start a correction, a new version that points to this one",
        )


def template_title(tv: TemplateVersion) -> dict[str, str]:
    return dict(tv.content.get("title", {"zh": tv.key, "en": tv.key}))
