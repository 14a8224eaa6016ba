"""Checklist templates as data files: schema, loading and validation."""

from branchcheck.checklists.loader import (
    LoadedTemplate,
    load_all,
    load_file,
    template_from_content,
    validate_paths,
)
from branchcheck.checklists.schema import Item, PeopleSlot, Section, Template

__all__ = [
    "Item",
    "LoadedTemplate",
    "PeopleSlot",
    "Section",
    "Template",
    "load_all",
    "load_file",
    "template_from_content",
    "validate_paths",
]
