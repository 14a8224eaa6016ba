"""Loading template files (YAML) and reporting every mistake with file and item.

The schema is checked here; what only the engine knows (item types, rules and their params) is a
`check` the caller passes in — branchcheck.engine.validate loads templates with the engine's.
A file is parsed once per process and content: a second load of an unchanged file reuses the
parsed content (shared: never mutate it), an edited file is parsed again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from branchcheck.checklists.schema import Template
from branchcheck.errors import TemplateError

SUFFIXES = (".yaml", ".yml")
# Bounds on a template file, checked on the parser's events before anything is built from them:
# no anchors or aliases (`&a` / `*a`: a 1.5 KB "billion laughs" file expands to gigabytes, and
# no shipped checklist needs them), at most MAX_DEPTH levels of nesting (the shipped ones use 8)
# and MAX_BYTES of text (they are 5–15 KB). Duplicate keys are refused, not silently dropped.
MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32


class _Refused(yaml.MarkedYAMLError):
    """Valid YAML this loader refuses (an alias, deep nesting, a duplicate key)."""

    def __init__(self, problem: str, mark: Any) -> None:  # a pure-Python or a libyaml mark
        super().__init__(problem=problem, problem_mark=mark)


class _StrictMappings:
    """A mapping with a key given twice is an error naming the line, not last-one-wins."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]
            try:
                duplicate = key in seen
            except TypeError:  # a list or mapping as key: the base constructor says so
                break
            if duplicate:
                raise _Refused(f"duplicate key {str(key)[:60]!r}", mark=key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class StrictSafeLoader(_StrictMappings, yaml.SafeLoader):
    """The pure-Python safe loader, refusing duplicate keys (its error messages are the clearer)."""


# PyYAML's C loader where libyaml is present (about 10× faster), the same results otherwise
YAML_LOADER: type[yaml.SafeLoader] = (
    type("StrictCSafeLoader", (_StrictMappings, yaml.CSafeLoader), {})
    if hasattr(yaml, "CSafeLoader")
    else StrictSafeLoader
)

Check = Callable[[Template], list[str]]  # problems the schema alone cannot see, one line each


@dataclass(frozen=True)
class LoadedTemplate:
    template: Template
    content: dict[str, Any]  # the parsed file, as stored with every record made from it
    sha256: str
    source_name: str


def content_sha256(content: dict[str, Any]) -> str:
    body = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _where(content: Any, loc: tuple[int | str, ...]) -> str:
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


def template_from_content(content: Any, source_name: str, check: Check) -> LoadedTemplate:
    """Validate parsed content against the schema and `check`; raise TemplateError listing every
    problem."""
    if not isinstance(content, dict):
        raise TemplateError(f"{source_name}: a checklist file must be a mapping at the top level")
    try:
        template = Template.model_validate(content)
    except ValidationError as exc:
        lines = [f"  {_where(content, tuple(err['loc']))}: {err['msg']}" for err in exc.errors()]
        raise TemplateError(
            f"{source_name}: {len(lines)} problem(s)\n" + "\n".join(lines)
        ) from None
    problems = check(template)
    if problems:
        raise TemplateError(
            f"{source_name}: {len(problems)} problem(s)\n" + "\n".join(f"  {p}" for p in problems)
        )
    return LoadedTemplate(template, content, content_sha256(content), source_name)


_PARSED: dict[Path, tuple[str, Any]] = {}  # file → (sha256 of its bytes, parsed content)


def read_content(path: Path) -> Any:
    """The parsed YAML of a file; parsed again only when the file's bytes changed."""
    try:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        cached = _PARSED.get(path)
        if cached and cached[0] == digest:
            return cached[1]
        content = parse_yaml(raw.decode("utf-8"), path)
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: cannot read the file ({exc})") from None
    _PARSED[path] = (digest, content)
    return content


def parse_yaml(text: str, path: Path, loader: type[yaml.SafeLoader] = YAML_LOADER) -> Any:
    if len(text) > MAX_BYTES:
        raise TemplateError(f"{path}: a checklist file is at most {MAX_BYTES // 1024} KB")
    try:
        _check_events(text, loader)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except _Refused as exc:
        raise _yaml_error(path, exc) from None
    except yaml.YAMLError as exc:
        if loader is not StrictSafeLoader:
            # libyaml words its errors differently: say what the pure-Python parser says
            return parse_yaml(text, path, StrictSafeLoader)
        raise _yaml_error(path, exc) from None


def _yaml_error(path: Path, exc: yaml.YAMLError) -> TemplateError:
    mark = getattr(exc, "problem_mark", None)
    at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(exc, "problem", None) or str(exc)
    return TemplateError(f"{path}: not valid YAML{at}: {problem}")


def _check_events(text: str, loader: type[yaml.SafeLoader]) -> None:
    """Refuse anchors, aliases and deep nesting from the parser's events: nothing is built yet, and
    the walk is a loop, so neither size nor depth can blow up."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                "anchors and aliases (&name, *name) are not allowed in a checklist",
                mark=event.start_mark,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(f"nested deeper than {MAX_DEPTH} levels", mark=event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load_file(path: Path | str, check: Check) -> LoadedTemplate:
    path = Path(path)
    loaded = template_from_content(read_content(path), str(path), check)
    expected = path.stem
    if loaded.template.key != expected:
        raise TemplateError(
            f"{path}: the key '{loaded.template.key}' must match the file name '{expected}'"
        )
    return loaded


def template_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)


def load_all(folder: Path, check: Check) -> dict[str, LoadedTemplate]:
    return {lt.template.key: lt for lt in (load_file(p, check) for p in template_files(folder))}


def validate_paths(paths: list[Path], check: Check) -> list[tuple[Path, str | None]]:
    """Validate files or folders; (path, None) when fine, (path, message) when broken."""
    results: list[tuple[Path, str | None]] = []
    for path in paths:
        files = template_files(path) if path.is_dir() else [path]
        for f in files:
            try:
                load_file(f, check)
                results.append((f, None))
            except TemplateError as exc:
                results.append((f, str(exc)))
    return results
