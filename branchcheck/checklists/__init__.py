"""Checklist templates as data: the schema and file loading. Templates for use are loaded through
branchcheck.engine.validate, which adds the engine's check of item types and rules."""

from branchcheck.checklists.loader import LoadedTemplate
from branchcheck.checklists.schema import Item, PeopleSlot, Section, Template

__all__ = ["Item", "LoadedTemplate", "PeopleSlot", "Section", "Template"]
