"""Templates checked against the engine: the item types, rules and their params a template names
must exist here, with the people slots, staff roles and risk drivers it refers to. Every template
the application loads for use comes through these functions (the loader itself, in
branchcheck.checklists, knows only the schema). Importing this module runs the engine package's
__init__, which registers every item type and rule."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from branchcheck.checklists import loader
from branchcheck.checklists.loader import LoadedTemplate
from branchcheck.checklists.schema import Item, Template
from branchcheck.engine.core import ITEM_TYPES, RULE_PARAMS, RULES
from branchcheck.engine.patterns import is_pattern_param, pattern_problem
from branchcheck.paths import checklists_dir
from branchcheck.taxonomy import RISK_DRIVERS, STAFF_ROLES


def template_from_content(content: Any, source_name: str) -> LoadedTemplate:
    """Validate parsed content (a file's, or a template stored with a record)."""
    return loader.template_from_content(content, source_name, cross_check)


def load_file(path: Path | str) -> LoadedTemplate:
    return loader.load_file(path, cross_check)


def load_all(folder: Path | None = None) -> dict[str, LoadedTemplate]:
    """Every template in the folder (default: the shipped checklists/), by key."""
    return loader.load_all(folder or checklists_dir(), cross_check)


def validate_paths(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Validate files or folders; (path, None) when fine, (path, message) when broken."""
    return loader.validate_paths(paths, cross_check)


def cross_check(template: Template) -> list[str]:
    """Problems the schema alone cannot see, each naming the item or slot."""
    problems = _people_problems(template)
    seen: dict[str, str] = {}  # item key → its section
    section_keys: set[str] = set()
    for section in template.sections:
        if section.key in section_keys:
            problems.append(f"section '{section.key}': section key used twice")
        section_keys.add(section.key)
        for item in section.items:
            where = f"item '{item.key}'"
            if item.key in seen:
                problems.append(f"{where}: key used twice (also in section '{seen[item.key]}')")
            seen[item.key] = section.key
            problems += [f"{where}: {m}" for m in _item_problems(item, template)]
    return problems


def _people_problems(template: Template) -> list[str]:
    problems: list[str] = []
    for role in template.inspector.staff_roles:
        if role not in STAFF_ROLES:
            problems.append(
                f"inspector: unknown staff role '{role}' (known: {', '.join(STAFF_ROLES)})"
            )
    slot_seen: set[str] = set()
    for slot in template.people:
        if slot.key in slot_seen or slot.key == "inspector":
            problems.append(f"people '{slot.key}': slot key used twice")
        slot_seen.add(slot.key)
        for role in slot.staff_roles:
            if role not in STAFF_ROLES:
                problems.append(f"people '{slot.key}': unknown staff role '{role}'")
    slots = set(template.slot_keys())
    for i, group in enumerate(template.distinct):
        for key in group:
            if key not in slots:
                problems.append(f"distinct[{i}]: unknown people slot '{key}'")
    return problems


def _item_problems(item: Item, template: Template) -> list[str]:
    """One item's problems, without the item prefix."""
    itype = ITEM_TYPES.get(item.type)
    if itype is None:
        return [f"unknown type '{item.type}' (known: {', '.join(sorted(ITEM_TYPES))})"]
    problems: list[str] = []
    if item.risk_driver not in RISK_DRIVERS:
        problems.append(
            f"unknown risk_driver '{item.risk_driver}' (known: {', '.join(RISK_DRIVERS)})"
        )
    if item.responsible and item.responsible not in template.slot_keys():
        problems.append(f"responsible names unknown people slot '{item.responsible}'")
    rule_name = item.rule or itype.default_rule
    if rule_name is None:
        problems.append(f"type '{item.type}' needs a rule")
    elif rule_name not in RULES:
        problems.append(f"unknown rule '{rule_name}' (known: {', '.join(sorted(RULES))})")
    elif rule_name in RULE_PARAMS:
        problems += RULE_PARAMS[rule_name](item, template)
    problems += itype.check_item(item, template)
    for name, value in item.params.items():
        problem = pattern_problem(value) if is_pattern_param(name) else None
        if problem:
            problems.append(f"params.{name} {problem}")
    if not re.search(r"\S", item.source):
        problems.append("source is empty")
    return problems
