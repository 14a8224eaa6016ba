"""Loading template files (YAML) and reporting every mistake with file and item."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from branchcheck.checklists.schema import Template, cross_check
from branchcheck.errors import TemplateError

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LoadedTemplate:
    template: Template
    content: dict[str, Any]  # the parsed file, as stored with every record made from it
    sha256: str
    source_name: str


def content_sha256(content: dict[str, Any]) -> str:
    body = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _where(content: Any, loc: tuple) -> str:
    """Turn a pydantic location into words a template author can find: section and item keys."""
    parts: list[str] = []
    node = content
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            key = node.get("key") if isinstance(node, dict) else None
            parts[-1] = (
                f"{parts[-1]}[{step}]" + (f" (key '{key}')" if key else "") if parts else str(step)
            )
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "(top level)"


def template_from_content(content: Any, source_name: str) -> LoadedTemplate:
    """Validate parsed content; raise TemplateError listing every problem."""
    if not isinstance(content, dict):
        raise TemplateError(f"{source_name}: a checklist file must be a mapping at the top level")
    try:
        template = Template.model_validate(content)
    except ValidationError as exc:
        lines = [f"  {_where(content, tuple(err['loc']))}: {err['msg']}" for err in exc.errors()]
        raise TemplateError(
            f"{source_name}: {len(lines)} problem(s)\n" + "\n".join(lines)
        ) from None
    problems = cross_check(template)
    if problems:
        raise TemplateError(
            f"{source_name}: {len(problems)} problem(s)\n" + "\n".join(f"  {p}" for p in problems)
        )
    return LoadedTemplate(template, content, content_sha256(content), source_name)


def load_file(path: Path | str) -> LoadedTemplate:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read the file ({exc})") from None
    try:
        content = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise TemplateError(f"{path}: not valid YAML{at}: {problem}") from None
    loaded = template_from_content(content, str(path))
    expected = path.stem
    if loaded.template.key != expected:
        raise TemplateError(
            f"{path}: the key '{loaded.template.key}' must match the file name '{expected}'"
        )
    return loaded


def template_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)


def load_all(folder: Path | None = None) -> dict[str, LoadedTemplate]:
    from branchcheck.paths import checklists_dir

    folder = folder or checklists_dir()
    return {lt.template.key: lt for lt in (load_file(p) for p in template_files(folder))}


def validate_paths(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Validate files or folders; (path, None) when fine, (path, message) when broken."""
    results: list[tuple[Path, str | None]] = []
    for path in paths:
        files = template_files(path) if path.is_dir() else [path]
        for f in files:
            try:
                load_file(f)
                results.append((f, None))
            except TemplateError as exc:
                results.append((f, str(exc)))
    return results
