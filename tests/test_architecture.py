"""The package's shape: module sizes, no import cycle, imports only downward (no model needed).

The layers, top to bottom (README, "How the code is laid out")::

    cli -> runner -> pipeline -> components -> assembly/cues -> grammar/lexicons -> models

with three side layers: ``render`` (pages and terminal views, used by the CLI), ``io`` (readers and
writers, used by the runners) and ``evaluate`` (the scorer, over plain dicts and the models). A module
may import its own layer and any layer reachable downward from it in :data:`MAY_IMPORT`.

Imports are read with :mod:`ast`, at module level and inside functions alike; only the imports
under ``if TYPE_CHECKING:`` are left out, since they never run.

The assembly and the components hold no word list and no word-bearing regex in Python (they belong
in ``claimx/resources/``): set/list/tuple/dict literals of three or more words, ``"a b c".split()``,
and pattern strings given to ``re``/``regex`` (or assigned at module level) with a word of three or
more letters. spaCy label sets (``("nsubj", "dobj", ...)``) count; field names and Literal values of
the output models, format strings and docstrings do not. The ones still in place are listed in
:data:`KNOWN_WORDS_IN_CODE` with exact counts, so the list can only shrink.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "claimx"

#: Hard limit of a module's length (the aim is about 400 lines).
MAX_LINES = 450


#: Layer name -> module name prefixes (the longest matching prefix decides).
LAYERS = {
    "cli": ("claimx.cli", "claimx.views"),
    "runner": ("claimx.runner", "claimx.batch", "claimx.distributed", "claimx.devcorpus", "claimx.progress"),
    "render": ("claimx.render",),
    "pipeline": ("claimx.pipeline", "claimx.windows"),
    "components": ("claimx.components",),
    "assembly": ("claimx.assembly", "claimx.cues"),
    "io": ("claimx.io", "claimx.frame"),
    "evaluate": ("claimx.evaluate",),
    "grammar": ("claimx.grammar", "claimx.lexicon", "claimx.lexicons"),
    "models": ("claimx", "claimx.models", "claimx.dates", "claimx.resources"),
}

#: Layer -> the layers directly below it (imports may go to any layer reachable from here).
MAY_IMPORT = {
    "cli": {"runner", "render"},
    "runner": {"pipeline", "io", "evaluate"},
    "render": {"evaluate", "io"},
    "pipeline": {"components"},
    "components": {"assembly"},
    "assembly": {"grammar"},
    "io": {"models"},
    "evaluate": {"models"},
    "grammar": {"models"},
    "models": set(),
}

#: Imports that break the layering in modules this branch does not own, as ``(importer, imported)``.
#: Each must still be present (else remove it here).
KNOWN_UPWARD: set[tuple[str, str]] = set()

#: Import cycles (as sorted tuples of modules) left in modules this branch does not own.
KNOWN_CYCLES: set[tuple[str, ...]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST):
    """Every import statement of a module, at any depth, except under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def _targets(module: str, path: Path, node: ast.Import | ast.ImportFrom) -> set[str]:
    mods = _modules()
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        if node.level:
            package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
            base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
    found = set()
    for name in names:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        if name and name != module:
            found.add(name)
    return found


@lru_cache(maxsize=1)
def import_graph() -> dict[str, frozenset[str]]:
    """claimx module -> the claimx modules it imports (module and function level)."""
    graph = {}
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        for node in _import_nodes(tree):
            targets |= _targets(module, path, node)
        graph[module] = frozenset(targets)
    return graph


def layer_of(module: str) -> str:
    """The layer of a module: the one with the longest prefix matching it."""
    best, size = None, -1
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > size:
                best, size = layer, len(prefix)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def _reachable(layer: str) -> set[str]:
    seen, todo = {layer}, [layer]
    while todo:
        for below in MAY_IMPORT[todo.pop()]:
            if below not in seen:
                seen.add(below)
                todo.append(below)
    return seen


def _cycles(graph: dict[str, frozenset[str]]) -> list[tuple[str, ...]]:
    """Strongly connected components of more than one module (Tarjan), each as a sorted tuple."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(tuple(sorted(comp)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_the_limit():
    over = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        n = _line_count(path)
        if n > MAX_LINES:
            over[rel] = n
    assert not over, f"modules over {MAX_LINES} lines: {over}"


def test_no_import_cycle():
    cycles = set(_cycles(import_graph()))
    assert cycles - KNOWN_CYCLES == set(), f"import cycles: {sorted(cycles - KNOWN_CYCLES)}"
    assert KNOWN_CYCLES - cycles == set(), f"cycles gone, remove from KNOWN_CYCLES: {KNOWN_CYCLES - cycles}"


def test_every_module_has_a_layer():
    for module in import_graph():
        assert layer_of(module) in MAY_IMPORT


def test_imports_only_go_downward():
    upward = set()
    for module, targets in import_graph().items():
        allowed = _reachable(layer_of(module))
        for target in targets:
            if layer_of(target) not in allowed:
                upward.add((module, target))
    assert upward - KNOWN_UPWARD == set(), f"imports against the layers: {sorted(upward - KNOWN_UPWARD)}"
    assert KNOWN_UPWARD - upward == set(), f"fixed, remove from KNOWN_UPWARD: {KNOWN_UPWARD - upward}"


# The checker itself, on made-up graphs and sources, so that a broken checker cannot pass silently.


def test_cycle_finder_sees_a_function_level_cycle():
    assert _cycles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}) == [
        ("a", "b", "c")
    ]
    assert _cycles({"a": frozenset({"b"}), "b": frozenset()}) == []


def test_import_reader_counts_function_imports_and_skips_type_checking():
    src = (
        "from typing import TYPE_CHECKING\n"
        "import claimx.models\n"
        "if TYPE_CHECKING:\n    from claimx import pipeline\n"
        "def f():\n    from .batch import run_batch\n"
    )
    nodes = list(_import_nodes(ast.parse(src)))
    targets = set()
    for node in nodes:
        targets |= _targets("claimx.cli", PACKAGE / "cli.py", node)
    assert targets == {"claimx.models", "claimx.batch"}


def test_layer_map_reads_the_longest_prefix():
    assert layer_of("claimx") == "models"
    assert layer_of("claimx.cli") == "cli"
    assert layer_of("claimx.assembly.slots.kind") == "assembly"
    assert "pipeline" not in _reachable("components")
    assert {"components", "assembly", "grammar", "models"} <= _reachable("pipeline")


#: Public names without a docstring in modules this branch does not own, as ``(module, name)``.
KNOWN_UNDOCUMENTED = {
    ("claimx.assembly.context", "QuantityContext.doc"),
    ("claimx.assembly.context", "QuantityContext.text"),
}


def _undocumented() -> set[tuple[str, str]]:
    missing = set()
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, (ast.FunctionDef, ast.ClassDef)) or node.name.startswith("_"):
                continue
            if not ast.get_docstring(node):
                missing.add((module, node.name))
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and not item.name.startswith("_") and not ast.get_docstring(item):
                        missing.add((module, f"{node.name}.{item.name}"))
    return missing


def test_public_functions_and_classes_have_docstrings():
    missing = _undocumented()
    assert missing - KNOWN_UNDOCUMENTED == set(), f"public names without a docstring: {sorted(missing - KNOWN_UNDOCUMENTED)}"
    assert KNOWN_UNDOCUMENTED - missing == set(), f"documented now, remove: {KNOWN_UNDOCUMENTED - missing}"


# Word lists and word-bearing regexes (issue 15, done-when 3): every word the assembly and the
# components match against is read from resources/, none is written in Python.

#: Where word lists may not be written in Python.
WORDLESS = ("assembly", "components")

#: A word: letters, with inner spaces, hyphens or apostrophes ("per cent", "year-on-year").
_WORD = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")
#: Regex syntax that carries letters without being a word: \p{Lu}, \N{...}, group names, escapes.
_REGEX_SYNTAX = re.compile(r"\\[pPN]\{[^}]*\}|\(\?P?<(?![=!])[^>]*>|\(\?P=[^)]*\)|\\.")
_REGEX_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split"}

#: Word lists and word-bearing regexes still written in the Python of modules this branch does not
#: own, as ``(file, scope, what) -> how many``; ``scope`` is the enclosing function or class (or the
#: module-level name) and ``what`` is ``"words"`` (a literal of three or more words) or ``"regex"``
#: (a pattern string with a word of three or more letters). Each count must be exact: it shrinks
#: as the lists move to resources/.
KNOWN_WORDS_IN_CODE: dict[tuple[str, str, str], int] = {
}


def _is_word(s: object) -> bool:
    """A string of letters (inner spaces, hyphens, apostrophes allowed); one capital letter is a code."""
    return (isinstance(s, str) and _WORD.fullmatch(s) is not None and all(c.isalpha() or c in " '’-" for c in s)
            and not (len(s) == 1 and s.isupper()))


def _pattern_has_word(s: str) -> bool:
    """True when a pattern string holds a word of three or more letters outside regex syntax."""
    bare = _REGEX_SYNTAX.sub(" ", s)
    return any(len(w) >= 3 for w in "".join(c if c.isalpha() else " " for c in bare).split())


@lru_cache(maxsize=1)
def schema_vocabulary() -> frozenset[str]:
    """Field names of the output models and the values of their Literal types ("kind", "level")."""
    import typing

    from pydantic import BaseModel

    import claimx.models as models

    vocab: set[str] = set()

    def literals(tp) -> None:
        if typing.get_origin(tp) is typing.Literal:
            vocab.update(a for a in typing.get_args(tp) if isinstance(a, str))
        for arg in typing.get_args(tp):
            literals(arg)

    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            for name, info in obj.model_fields.items():
                vocab.add(name)
                literals(info.annotation)
    return frozenset(vocab)


def _str_parts(node: ast.AST) -> list[str]:
    """The string constants of a string expression: a constant, f-string pieces, concatenations (not the
    keys of subscripts or the arguments of calls inside it: ``"(?i)" + r["pattern"]`` has one part)."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.BinOp):
        return _str_parts(node.left) + _str_parts(node.right)
    return []


def _names_in(node: ast.AST) -> set[str]:
    """The variable names a string expression is built from (``lead`` in ``rf"{lead}\\d+"``)."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.JoinedStr):
        return set().union(*(_names_in(v.value) for v in node.values if isinstance(v, ast.FormattedValue)))
    if isinstance(node, ast.BinOp):
        return _names_in(node.left) | _names_in(node.right)
    return set()


def _literal_words(node: ast.AST) -> list[str]:
    """The words of a set/list/tuple/dict literal; dict keys count only when their value is a constant
    (a key with a computed value is a field name of a record)."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        strs = [e.value for e in node.elts if isinstance(e, ast.Constant)]
    elif isinstance(node, ast.Dict):
        strs = [k.value for k, v in zip(node.keys, node.values)
                if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)]
        strs += [v.value for v in node.values if isinstance(v, ast.Constant)]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str) and not node.args:
        strs = node.func.value.value.split()
    else:
        return []
    words = [s for s in strs if _is_word(s)]
    if all(w in schema_vocabulary() for w in words):
        return []  # ("text", "value", "unit"): the fields of a claim, not words of the language
    return words


def _regex_modules(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.asname or a.name for a in node.names if a.name in ("re", "regex")}
    return names


class _WordFinder(ast.NodeVisitor):
    """Walks one module and records ``(scope, what, line)`` for each word list or word-bearing pattern."""

    def __init__(self, tree: ast.Module):
        self.found: list[tuple[str, str, int]] = []
        self.regex = _regex_modules(tree)
        self.scopes: list[str] = []
        self.strings: list[dict[str, ast.AST]] = [self._assigned(tree.body)]
        self.flagged: set[int] = set()
        self.target: str | None = None

    @staticmethod
    def _assigned(body) -> dict[str, ast.AST]:
        out = {}
        for stmt in body:
            for node in ast.walk(stmt) if not isinstance(stmt, (ast.FunctionDef, ast.ClassDef)) else ():
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                        and isinstance(node.value, (ast.Constant, ast.JoinedStr, ast.BinOp)) and _str_parts(node.value):
                    out[node.targets[0].id] = node
        return out

    def _scope(self, name: str | None = None) -> str:
        name = name or (self.target if not self.scopes else None)
        return ".".join(self.scopes + ([name] if name else [])) or "<module>"

    def _add(self, what: str, node: ast.AST, name: str | None = None) -> None:
        if id(node) not in self.flagged:
            self.flagged.add(id(node))
            self.found.append((self._scope(name), what, node.lineno))

    def _scoped(self, node) -> None:
        self.scopes.append(node.name)
        self.strings.append(self._assigned(node.body))
        self.generic_visit(node)
        self.strings.pop()
        self.scopes.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scoped

    def visit_keyword(self, node: ast.keyword) -> None:
        if node.arg == "default_config":
            return  # a spaCy factory's settings: option names and their defaults, not words of the language
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        target = node.targets[0].id if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) else None
        if target in ("__all__", "__slots__"):
            return
        if not self.scopes and target and isinstance(node.value, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            # a module-level pattern string (FOOTNOTES = r"..."), used here or imported elsewhere
            parts = "".join(_str_parts(node.value))
            if re.search(r"\(\?|\\[bswdp]|\|", parts) and _pattern_has_word(parts):
                self._add("regex", node, target)
        self._check_literals(node.value, target if not self.scopes else None)
        if not self.scopes:
            self.target = target
        self.generic_visit(node)
        self.target = None

    def _check_literals(self, value: ast.AST, name: str | None) -> None:
        if len(_literal_words(value)) >= 3:
            self._add("words", value, name)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None and isinstance(node.target, ast.Name) and not self.scopes:
            self._check_literals(node.value, node.target.id)
        self.generic_visit(node)

    def generic_visit(self, node: ast.AST) -> None:
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) and len(_literal_words(node)) >= 3:
            self._add("words", node)
        if isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute) \
                and node.func.attr in _REGEX_FUNCS and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in self.regex:
            self._check_pattern(node.args[0])
        super().generic_visit(node)

    def _check_pattern(self, arg: ast.AST) -> None:
        if any(_pattern_has_word(s) for s in _str_parts(arg)):
            self._add("regex", arg)
        for name in _names_in(arg):
            for depth, scope in enumerate(reversed(self.strings)):
                if name in scope:
                    assign = scope[name]
                    if any(_pattern_has_word(s) for s in _str_parts(assign.value)):
                        outer = self.scopes[: len(self.scopes) - depth]
                        if id(assign) not in self.flagged:
                            self.flagged.add(id(assign))
                            self.found.append((".".join(outer + [name]), "regex", assign.lineno))
                    break


def words_in_code(source: str) -> list[tuple[str, str, int]]:
    """``(scope, what, line)`` for each word list or word-bearing pattern written in ``source``."""
    tree = ast.parse(source)
    finder = _WordFinder(tree)
    for stmt in tree.body:
        finder.visit(stmt)
    return finder.found


def _wordless_files() -> list[Path]:
    files = [p for layer in WORDLESS for p in sorted((PACKAGE / layer).rglob("*.py"))]
    return files + sorted(PACKAGE.glob("cues*.py"))


@lru_cache(maxsize=1)
def words_in_package() -> dict[tuple[str, str, str], list[int]]:
    """``(file, scope, what) -> lines`` over the assembly and the components."""
    out: dict[tuple[str, str, str], list[int]] = {}
    for path in _wordless_files():
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for scope, what, line in words_in_code(path.read_text(encoding="utf-8")):
            out.setdefault((rel, scope, what), []).append(line)
    return out


def test_no_word_list_in_the_assembly_or_components():
    found = {key: len(lines) for key, lines in words_in_package().items()}
    new = {k: (n, words_in_package()[k]) for k, n in found.items() if n > KNOWN_WORDS_IN_CODE.get(k, 0)}
    assert not new, f"word lists or word-bearing regexes written in Python (move them to resources/): {new}"
    fewer = {k: (KNOWN_WORDS_IN_CODE[k], found.get(k, 0)) for k in KNOWN_WORDS_IN_CODE if found.get(k, 0) < KNOWN_WORDS_IN_CODE[k]}
    assert not fewer, f"moved to resources/: lower or remove in KNOWN_WORDS_IN_CODE (allowed, found): {fewer}"


def test_word_finder_on_made_up_sources():
    src = (
        "import regex\n"
        "import re as rx\n"
        "__all__ = ['alpha', 'beta', 'gamma']\n"
        "HEDGES = frozenset({'may', 'might', 'could'})\n"
        "LABELS = ('nsubj', 'dobj', 'pobj')\n"
        "FIELDS = ('text', 'value', 'unit')\n"
        "GRAINS = ('Q', 'H', 'M')\n"
        "SIGNS = ('%', '$', '€', 'x1')\n"
        "PAT = r'(?i)\\bper\\s+cent\\b'\n"
        "SYNTAX = r'(?P<num>\\d+)\\p{Lu}\\s+'\n"
        "def f(text, t):\n"
        "    lead = r'(?:during|over)\\s+'\n"
        "    if t.dep_ in ('aux', 'auxpass', 'neg'):\n"
        "        return regex.search(rf'{lead}\\d+', text)\n"
        "    rec = {'text': t.text, 'start': t.idx, 'label': t.dep_}\n"
        "    table = {'first': 1, 'second': 2, 'third': 3}\n"
        "    words = 'said says told'.split()\n"
        "    rx.sub(r'\\s+', ' ', text)\n"
        "    return rx.match(r'\\s*(?:about|around)\\s', text), '{} {} {}'.format(1, 2, 3)\n"
        "class C:\n"
        "    def g(self, s):\n"
        "        return regex.fullmatch(r'[A-Z]{3}', s) or regex.match(r'\\s*to\\b', s)\n"
    )
    found = Counter((scope, what) for scope, what, _ in words_in_code(src))
    assert found == Counter({
        ("HEDGES", "words"): 1, ("LABELS", "words"): 1, ("PAT", "regex"): 1,
        ("f", "words"): 3, ("f.lead", "regex"): 1, ("f", "regex"): 1,
    })


def test_pattern_words_ignore_regex_syntax():
    assert not _pattern_has_word(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?P<tail>\s+\d{1,3})\N{EN DASH}")
    assert _pattern_has_word(r"(?i)\b(?:page|p\.)\s*\d+")
    assert not _is_word("start_char") and _is_word("per cent") and _is_word("year-on-year")
