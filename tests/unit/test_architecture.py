"""The package's shape from its source: no import cycles, the UI only through the core's APIs."""

import ast
from collections.abc import Iterator
from pathlib import Path

import jobtracker

ROOT = Path(jobtracker.__file__).parent

# The rule: jobtracker.ui may import the tracker package (jobtracker.tracker),
# jobtracker.vocabulary, jobtracker.errors, the importers' package API (jobtracker.importers,
# or jobtracker.importers.fetch), the mail service (jobtracker.mail.service: the one entry point
# into jobtracker.mail), the file backups (jobtracker.file_backups, jobtracker.app_lock), and
# plain helpers (jobtracker itself for APP_NAME/__version__, money, paths, logs, secrets, the
# exchange exporters, diskspace, health, dbfile, demo, migrations for the smoke test) - never
# jobtracker.models, jobtracker.db, jobtracker.tracker.<submodule>, or jobtracker.mail.<submodule>
# other than service.
UI_MAY_IMPORT = frozenset({
    "jobtracker",
    "jobtracker.tracker",
    "jobtracker.vocabulary",
    "jobtracker.errors",
    "jobtracker.importers",
    "jobtracker.importers.fetch",
    "jobtracker.mail",
    "jobtracker.mail.service",
    "jobtracker.file_backups",
    "jobtracker.app_lock",
    "jobtracker.money",
    "jobtracker.paths",
    "jobtracker.logs",
    "jobtracker.secrets",
    "jobtracker.exchange.csv_export",
    "jobtracker.exchange.ics_export",
    "jobtracker.exchange.vcard_export",
    "jobtracker.exchange.whole_file",
    "jobtracker.diskspace",
    "jobtracker.health",
    "jobtracker.dbfile",
    "jobtracker.demo",
    "jobtracker.migrations",
})


def _modules() -> dict[str, tuple[Path, bool]]:
    # Every importable module on disk, as name -> (file, is a package); Alembic's revision
    # scripts are loaded by path, not imported, and their names are not identifiers.
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        if "__pycache__" in parts or parts[1:3] == ("migrations", "versions"):
            continue
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _modules()
TREES = {name: ast.parse(path.read_text(encoding="utf-8"), str(path))
         for name, (path, _) in MODULES.items()}


def _base(node: ast.ImportFrom, name: str) -> str:
    # The absolute module a "from ... import" reads from, inside module ``name``.
    if not node.level:
        return node.module or ""
    package = name if MODULES[name][1] else name.rpartition(".")[0]
    parents = package.split(".")[:len(package.split(".")) - node.level + 1]
    return ".".join([*parents, node.module] if node.module else parents)


def _own_names(package: str) -> set[str]:
    # What a package's __init__ binds itself at the top: a re-exported function may share its
    # submodule's name (jobtracker.importers.to_application), and then the name is the function.
    names = set()
    for node in TREES[package].body:
        if isinstance(node, ast.ImportFrom):
            base = _base(node, package)
            names |= {alias.asname or alias.name for alias in node.names
                      if f"{base}.{alias.name}" not in MODULES}
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names


OWN_NAMES = {name: _own_names(name) for name, (_, is_package) in MODULES.items() if is_package}


def _imported(name: str) -> Iterator[str]:
    """Every jobtracker module ``name`` imports: top level, in functions, under TYPE_CHECKING."""
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _base(node, name)
            # "from pkg import name" imports the module pkg.name when there is one (and pkg
            # does not bind that name itself), else it reads pkg.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES
                       and alias.name not in OWN_NAMES.get(base, set()) else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target:
                yield target


GRAPH = {name: set(_imported(name)) for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    # Tarjan's strongly connected components; a cycle is a component of two or more modules,
    # or one module importing itself.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_graph_sees_every_kind_of_import():
    # Module level, inside a function and under TYPE_CHECKING; a name re-exported by a package
    # is read from the package even when a submodule has the same name.
    assert "jobtracker.tracker.rows" in GRAPH["jobtracker.tracker"]
    assert "jobtracker.mail.when" in GRAPH["jobtracker.mail.classify"]
    assert "jobtracker.tracker" in GRAPH["jobtracker.mail.service"]
    assert "to_application" in OWN_NAMES["jobtracker.importers"]


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"d"}, "e": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"], ["d"]]


def test_no_import_cycles():
    problems = []
    for component in _cycles(GRAPH):
        problems.append("import cycle: " + ", ".join(component))
        problems += [f"  module {name} imports {other}" for name in component
                     for other in sorted(GRAPH[name] & set(component))]
    assert not problems, "\n".join(problems)


def _in_ui(name: str) -> bool:
    return name == "jobtracker.ui" or name.startswith("jobtracker.ui.")


def test_the_ui_reaches_the_core_only_through_its_apis():
    problems = [f"module {name} imports {other}" for name, imported in sorted(GRAPH.items())
                if _in_ui(name) for other in sorted(imported)
                if not _in_ui(other) and other not in UI_MAY_IMPORT]
    assert not problems, "\n".join(problems)
