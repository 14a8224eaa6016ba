"""The layout rules of docs/architecture.md, checked on the source itself: no import circle among
the core's modules (function-level imports and imports for type checkers included: a part that
names another's types depends on it), and no source file over 500 lines without a reason at its
top."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "branchcheck"
LONG = 500
REASON = "# longer than 500 lines:"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _core_modules() -> dict[str, Path]:
    files = [p for p in CORE.rglob("*.py") if "migrations" not in p.parts]
    return {_module_name(p): p for p in files}


def _imports(tree: ast.AST, this: str, is_package: bool) -> set[str]:
    """Every module this one imports at run time, wherever the import statement stands."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = this if is_package else this.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _core_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        wanted = _imports(tree, name, path.name == "__init__.py")
        graph[name] = {m for m in wanted if m in modules and m != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules (first = last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := walk(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := walk(start)):
            return cycle
    return None


def test_the_graph_sees_the_core():
    graph = import_graph()
    assert len(graph) > 40
    assert "branchcheck.inspections.state" in graph["branchcheck.inspections.answering"]
    # a function-level import is an edge too
    assert "branchcheck.records.handwriting" in graph["branchcheck.inspections.signing"]


def test_the_cycle_finder_finds_a_planted_circle():
    planted = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(planted) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circle_in_the_core():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_no_long_source_file_without_a_reason():
    sources = [
        p
        for folder in ("branchcheck", "ui", "tools", "bench")
        for p in (ROOT / folder).rglob("*.py")
        if "migrations" not in p.parts
    ]
    assert len(sources) > 60
    long = []
    for p in sources:
        lines = p.read_text(encoding="utf-8").splitlines()
        if len(lines) > LONG and not any(line.startswith(REASON) for line in lines[:5]):
            long.append(f"{p.relative_to(ROOT)} ({len(lines)} lines)")
    assert not long, f"over {LONG} lines without '{REASON} …' at the top: " + ", ".join(long)


def test_the_tests_mirror_the_source_tree():
    """tests/branchcheck/X and tests/ui/X test the package at branchcheck/X and ui/X."""
    folders = [
        d
        for top in ("branchcheck", "ui")
        for d in [ROOT / "tests" / top, *(ROOT / "tests" / top).rglob("*")]
        if d.is_dir() and d.name not in ("__pycache__", "data")
    ]
    assert len(folders) > 8
    orphans = [
        str(d.relative_to(ROOT))
        for d in folders
        if not (ROOT / d.relative_to(ROOT / "tests")).is_dir()
    ]
    assert not orphans, "test folders without a source package: " + ", ".join(orphans)
