"""The package's structure stays as the design says: no import cycles, no guarded project imports, small
modules and functions.

* **No cycle** between two project modules (read with grimp, the library import-linter uses, so imports
  inside functions count too). A cycle is how a layer starts to leak: one side can no longer be read,
  tested or moved without the other. The layers themselves are the import-linter contract in
  ``pyproject.toml`` (``make test`` runs ``lint-imports``).
* **No ``except ImportError`` around a project import**: a project module that fails to import is a bug
  to see, not a case to fall back from (with invented defaults).
* **Small rooms**: no module over ``MAX_MODULE_LINES`` lines, no function over ``MAX_FUNCTION_LINES``.

Each ``KNOWN_*`` table lists what still breaks a rule on main, with the helper fixing it. The tables only
shrink: an entry that no longer breaks the rule fails the test until it is removed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

import qualbridge

SRC = Path(qualbridge.__file__).parent
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80

#: import cycles still on main: the set of modules of each cycle -> who is removing it
KNOWN_CYCLES: dict[frozenset[str], str] = {
    frozenset({"qualbridge.cli.keys", "qualbridge.cli.statements"}): "h10",
    frozenset({"qualbridge.statements.statuscheck", "qualbridge.statements.verify"}): "h10",
}
#: modules that still guard a project import with ``except ImportError`` -> who is removing it
KNOWN_GUARDS: dict[str, str] = {}
#: modules over the size limit -> who is splitting them
KNOWN_LONG_MODULES: dict[str, str] = {}
#: functions over the size limit, as "module:function" -> who is splitting them
KNOWN_LONG_FUNCTIONS: dict[str, str] = {
    "statements/page.py:_credential_block": "h10",
}


def _modules() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py")) if "migrations" not in p.parts]


def _where(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def cycles(graph: grimp.ImportGraph) -> list[frozenset[str]]:
    """The strongly connected sets of two or more modules (Tarjan's algorithm, iterative)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def guarded_project_imports(tree: ast.AST) -> list[int]:
    """Lines of ``try:`` blocks that import a qualbridge module and catch ImportError."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        imports = [
            n
            for stmt in node.body
            for n in ast.walk(stmt)
            if (isinstance(n, ast.ImportFrom) and (n.module or "").startswith("qualbridge"))
            or (isinstance(n, ast.Import) and any(a.name.startswith("qualbridge") for a in n.names))
        ]
        caught = {
            name.id
            for handler in node.handlers
            if handler.type is not None
            for name in ast.walk(handler.type)
            if isinstance(name, ast.Name)
        }
        if imports and caught & {"ImportError", "ModuleNotFoundError"}:
            lines.append(node.lineno)
    return lines


def long_functions(tree: ast.AST) -> dict[str, int]:
    """Functions (and methods) longer than the limit, with their length in lines."""
    return {
        node.name: node.end_lineno - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    }


def _check(found: dict[str, object], known: dict[str, str]) -> tuple[dict[str, object], list[str]]:
    new = {k: v for k, v in found.items() if k not in known}
    fixed = [k for k in known if k not in found]
    return new, fixed


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for a, b in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=a, imported=b)
    assert cycles(graph) == [frozenset({"p.a", "p.b", "p.c"})]


def test_no_import_cycle_between_project_modules() -> None:
    graph = grimp.build_graph("qualbridge", cache_dir=None)
    found = {" <-> ".join(sorted(c)): c for c in cycles(graph)}
    known = {" <-> ".join(sorted(c)): who for c, who in KNOWN_CYCLES.items()}
    new, fixed = _check(dict(found), known)
    assert new == {}, "an import cycle between project modules"
    assert fixed == [], f"fixed: remove from KNOWN_CYCLES: {fixed}"


def test_no_except_import_error_around_project_imports() -> None:
    found = {}
    for path in _modules():
        lines = guarded_project_imports(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[_where(path)] = lines
    new, fixed = _check(found, KNOWN_GUARDS)
    assert new == {}, "a project import guarded by except ImportError"
    assert fixed == [], f"fixed: remove from KNOWN_GUARDS: {fixed}"


def test_guard_finder() -> None:
    code = "try:\n    from qualbridge.x import y\nexcept (ImportError, ValueError):\n    y = None\n"
    other = "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n"
    assert guarded_project_imports(ast.parse(code)) == [1]
    assert guarded_project_imports(ast.parse(other)) == []


def test_no_module_over_the_limit() -> None:
    found = {}
    for path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found[_where(path)] = lines
    new, fixed = _check(found, KNOWN_LONG_MODULES)
    assert new == {}, f"modules over {MAX_MODULE_LINES} lines"
    assert fixed == [], f"fixed: remove from KNOWN_LONG_MODULES: {fixed}"


def test_no_function_over_the_limit() -> None:
    found = {}
    for path in _modules():
        for name, lines in long_functions(ast.parse(path.read_text(encoding="utf-8"))).items():
            found[f"{_where(path)}:{name}"] = lines
    new, fixed = _check(found, KNOWN_LONG_FUNCTIONS)
    assert new == {}, f"functions over {MAX_FUNCTION_LINES} lines"
    assert fixed == [], f"fixed: remove from KNOWN_LONG_FUNCTIONS: {fixed}"
