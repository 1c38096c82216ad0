"""kg's modules import one another without cycles, and none uses another module's private names.

The imports are read from the source with :mod:`ast` (nothing is imported), those inside functions
included: a cycle that only lazy imports close is still two modules that cannot be understood
apart. Importing ``kg.a.b`` also imports the package ``kg.a``; a module's own parent packages are
left out (Python imports them first whatever the module says).

A private name is one with a leading underscore that is not a dunder (``__version__`` is public).
Using one across modules is ``from x import _name``; ``x._name`` where ``x`` is a module, class or
function bound by an import, whether it is kg's or a library's; and ``obj._name`` on any object but
``self`` and ``cls`` when the module does not define ``_name`` itself (an exception's ``exc._why``, a
method another module's class keeps private), also as ``getattr(obj, "_name")``.
"""

from __future__ import annotations

import ast
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]

#: the uses of private names that remain: each is a library's internal that has no public name (kg's
#: own modules share only public names); the test fails on any other use, and on an entry here that
#: has gone (remove it then)
ALLOWED_PRIVATE: set[tuple[str, str]] = {
    # rdflib's N-Triples escaping of a literal (kg.append writes pyoxigraph's terms as rdflib would)
    ("kg/append.py", "from rdflib.plugins.serializers.nt import _quote_encode"),
    # rdflib's N-Triples row writer (kg.rdf.lines.ntriples_line, kg's one name for it)
    ("kg/rdf/lines.py", "from rdflib.plugins.serializers.nt import _nt_row"),
    # and its quoting of a plain literal (the build's workers write a claim's lines without rdflib terms)
    ("kg/rdf/lines.py", "from rdflib.plugins.serializers.nt import _quote_encode"),
    # a notation3 BadSyntax's text, offset and reason (only its line count is public, and it is not the
    # line of the error)
    ("kg/rdferrors.py", "getattr(exc, '_i')"),
    ("kg/rdferrors.py", "getattr(exc, '_str')"),
    ("kg/rdferrors.py", "getattr(exc, '_why')"),
}

#: import cycles that remain, as sorted tuples of module names (same rules as ALLOWED_PRIVATE)
ALLOWED_CYCLES: set[tuple[str, ...]] = set()


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path = ROOT) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted((root / "kg").rglob("*.py"))}


def _package(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _resolve(name: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module name of ``from ... import`` in module ``name``."""
    if not node.level:
        return node.module or ""
    base = _package(name, path).split(".")
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def imports(name: str, path: Path, known: dict[str, Path], root: Path = ROOT):
    """(imported kg modules, private uses) of module ``name``: each private use as
    (``where``, what), ``where`` being ``path:line``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    targets: set[str] = set()
    private: list[tuple[str, str]] = []
    bound: dict[str, str] = {}  # local name -> module it is bound to
    where = lambda node: f"{path.relative_to(root)}:{node.lineno}"  # noqa: E731
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                targets.add(alias.name)
                bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, path, node)
            for alias in node.names:
                full = f"{source}.{alias.name}"
                if full in known:  # from package import submodule
                    targets.add(full)
                    bound[alias.asname or alias.name] = full
                else:
                    targets.add(source)
                    bound[alias.asname or alias.name] = full  # a class or function: Class._private counts too
                    if _is_private(alias.name) and source != name:
                        private.append((where(node), f"from {source} import {alias.name}"))
    defined = _defined(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr) and node.attr not in PUBLIC_UNDERSCORED:
            chain = _dotted(node.value)
            head = chain.split(".")[0] if chain else None
            if head in bound:
                module = bound[head] + chain[len(head):]
                if module != name:
                    private.append((where(node), f"{module}.{node.attr}"))
            elif head not in ("self", "cls") and node.attr not in defined:  # an object's, from elsewhere
                private.append((where(node), ast.unparse(node)))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
              and _is_private(node.args[1].value) and node.args[1].value not in defined | PUBLIC_UNDERSCORED):
            private.append((where(node), f"{node.func.id}({ast.unparse(node.args[0])}, {node.args[1].value!r})"))
    edges = set()
    for target in targets:
        for candidate in [target, *_ancestors(target)]:
            if candidate in known and candidate != name and candidate not in _ancestors(name):
                edges.add(candidate)
    return edges, private


def _is_private(attr: str) -> bool:
    return attr.startswith("_") and not (attr.startswith("__") and attr.endswith("__"))


#: documented public names that begin with an underscore: os._exit; rdflib's DefinedNamespace keeps
#: its namespace in _NS (the attribute its subclasses must set)
PUBLIC_UNDERSCORED = {"_exit", "_NS"}


def _defined(tree) -> set[str]:
    """Every name a module defines or assigns, attributes and parameters included."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Store):
            names.add(node.id if isinstance(node, ast.Name) else node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _dotted(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def graph(root: Path = ROOT) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """The kg modules each kg module imports, and every private use (``path:line``, what)."""
    known = modules(root)
    edges, private = {}, []
    for name, path in known.items():
        edges[name], found = imports(name, path, known, root)
        private += found
    return edges, private


def cycles(edges: dict[str, set[str]]) -> set[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[tuple[str, ...]] = set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.add(tuple(sorted(component)))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_walk_sees_kgs_modules():
    edges, _ = graph()
    assert {"kg", "kg.cli", "kg.query", "kg.query.engines", "kg.extract"} <= set(edges)
    assert "kg.query.base" in edges["kg.query.engines"]  # a relative import resolved
    assert "kg.store" in edges["kg.query.engines"]  # an import inside a function counts


def test_no_import_cycle():
    edges, _ = graph()
    found = cycles(edges)
    assert found - ALLOWED_CYCLES == set(), "import cycles: " + "; ".join(" <-> ".join(c) for c in sorted(found))
    assert ALLOWED_CYCLES - found == set(), "cycles allowed that no longer exist: remove them from ALLOWED_CYCLES"


def test_no_private_name_used_across_modules():
    _, private = graph()
    uses = {(where.split(":")[0], what) for where, what in private}
    assert uses - ALLOWED_PRIVATE == set(), "private names used across modules:\n" + "\n".join(
        f"{where}: {what}" for where, what in sorted(private) if (where.split(":")[0], what) not in ALLOWED_PRIVATE)
    assert ALLOWED_PRIVATE - uses == set(), "allowed uses that are gone: remove them from ALLOWED_PRIVATE"


# ---------------------------------------------------------------------------- the checker itself

def test_checker_finds_a_cycle_through_a_lazy_import(tmp_path):
    root = tmp_path
    for rel, text in {"__init__.py": "", "a.py": "from .b import f\n",
                      "b.py": "def f():\n    from . import a\n", "c.py": "import kg.a\n"}.items():
        (root / "kg").mkdir(exist_ok=True)
        (root / "kg" / rel).write_text(text)
    edges, _ = graph(root)
    assert cycles(edges) == {("kg.a", "kg.b")}


def test_checker_finds_private_names(tmp_path):
    (tmp_path / "kg" / "sub").mkdir(parents=True)
    files = {"__init__.py": "__version__ = '1'\n", "a.py": "_x = 1\nprint(_x)\n",
             "b.py": "from .a import _x\nfrom . import __version__\n",
             "c.py": "from . import a\nimport kg.a as alias\nfrom .a import K\nprint(a._x, alias._x, a.__name__, K._m)\n",
             "sub/__init__.py": "",
             "sub/d.py": "from ..a import _x as y\nimport rdflib.term\nrdflib.term._hidden\n"
                         "def f(exc, obj):\n    obj._mine = 1\n    return exc._why, obj._mine, os._exit, getattr(exc, '_i')\n"}
    for rel, text in files.items():
        (tmp_path / "kg" / rel).write_text(text)
    private = [what for _, what in graph(tmp_path)[1]]
    assert sorted(private) == ["exc._why", "from kg.a import _x", "from kg.a import _x", "getattr(exc, '_i')",
                               "kg.a.K._m", "kg.a._x", "kg.a._x", "rdflib.term._hidden"]


def test_every_package_is_installed():
    """setup.cfg lists every package under kg/: one it leaves out is missing from a non-editable install."""
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert on_disk <= listed, f"packages missing from setup.cfg: {sorted(on_disk - listed)}"
