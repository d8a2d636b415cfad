"""Faster spelling of the timeframe grammar's master pattern, matching exactly what the plain one
matches (same spans, same groups). Part of :mod:`claimx.grammar.timex`.

The regex module spends most of a failed attempt on bookkeeping, not on reading text, so the master
pattern is rewritten, without changing what it matches, in three ways:

* named lists (``\\L<name>``, a set lookup that hashes one substring per possible length) become
  prefix-factored alternations (:func:`~claimx.grammar._trie.trie_alt`: longest word first, as a
  named list backtracks from the longest to the shortest);
* an optional group ``(...)?`` becomes ``(?:(...)|)`` (the same trial order: the group first,
  then nothing), which the regex module runs about four times faster;
* the ordered alternation of core branches is split into a tree of consecutive runs of branches,
  each behind a lookahead for the characters its branches can start with (:func:`guarded`), so
  that a position where a run cannot start skips the whole run. The order of the branches is
  kept, so the first branch that matches is the same.

The first characters of a branch are read from the parse tree of the standard library's ``re``
parser (each named list read as the set of its words' first characters): a superset, exact for
ASCII characters, and every non-ASCII character where a branch might start with one (a category,
a negated set, a case-insensitive letter). tests/test_timex_dispatch.py compares the rewritten and
the plain patterns at every position of the fixtures and of composed texts.

The same parse trees tell which branches need a digit or a month or weekday name in every match
(:func:`needs_digit`, :func:`needs_list`): timex_grammar compiles reduced master patterns without
them for texts that hold none (tests/test_timex_dispatch.py compares those too).

The cost: the rewritten pattern is longer (about 56,000 characters against 40,500), so compiling it
at import takes about 0.1-0.2 s more CPU than the plain one.
"""

from __future__ import annotations

import re as _re
from re import _constants as _C  # noqa: F401  (the op codes of the parse tree)
from re import _parser as _P
from typing import Mapping

import regex

from claimx.grammar._trie import trie_alt

_ASCII = [chr(i) for i in range(128)]
_CATEGORY_RE = {
    _C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_NOT_DIGIT: r"\D", _C.CATEGORY_SPACE: r"\s",
    _C.CATEGORY_NOT_SPACE: r"\S", _C.CATEGORY_WORD: r"\w", _C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)


def _analysable(pattern: str, named_lists: Mapping[str, frozenset[str]]) -> str:
    """``pattern`` (regex-module syntax) rewritten for the ``re`` parser: group names dropped, each
    named list replaced by the set of its words' first characters (what a match of the list starts
    with; a list never matches the empty string), the ``(?(cue)X)`` conditional made an optional
    group."""
    p = _re.sub(r"\(\?P<\w+>", "(?:", pattern)
    p = _re.sub(r"\\L<(\w+)>", lambda m: _list_class(named_lists[m.group(1)]), p)
    return _re.sub(r"\(\?\(\w+\)", "(?:|", p)


def _list_class(words: frozenset[str]) -> str:
    if "" in words:
        raise ValueError("first characters: a named list holds the empty string")
    return "[" + "".join(f"\\U{ord(c):08x}" for c in sorted({w[0] for w in words})) + "]"


def _first(seq, ic: bool, out: list) -> bool:
    """Append to ``out`` the (op, argument, ignore-case) items a match of ``seq`` can start with;
    return whether ``seq`` can match the empty string."""
    for op, av in seq:
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY):
            out.append((op, av, ic))
            return False
        if op in _ZERO_WIDTH:
            continue  # a lookaround only narrows what follows: ignoring it keeps a superset
        if op is _C.BRANCH:
            nullable = False
            for alt in av[1]:
                nullable |= _first(alt, ic, out)
        elif op is _C.SUBPATTERN:
            _group, add, remove, sub = av
            sub_ic = (ic or bool(add & _re.IGNORECASE)) and not (remove & _re.IGNORECASE)
            nullable = _first(sub, sub_ic, out)
        elif op in _REPEATS:
            nullable = _first(av[2], ic, out) or av[0] == 0
        elif op is _C.ATOMIC_GROUP:
            nullable = _first(av, ic, out)
        elif op is _C.GROUPREF_EXISTS:
            nullable = _first(av[1], ic, out)
            nullable = (_first(av[2], ic, out) if av[2] is not None else True) or nullable
        else:
            raise ValueError(f"first characters: unsupported construct {op}")
        if not nullable:
            return False
    return True


def _in_admits(items, ch: str, ic: bool) -> bool:
    """Whether the set ``items`` (an ``IN`` argument) may match the ASCII character ``ch``."""
    negate = bool(items) and items[0][0] is _C.NEGATE
    chars = {ch, ch.swapcase()} if ic else {ch}
    hits = set()
    for c in chars:
        for op, av in items:
            if (op is _C.LITERAL and ord(c) == av) or (op is _C.RANGE and av[0] <= ord(c) <= av[1]) or (
                    op is _C.CATEGORY and (_re.match(_CATEGORY_RE[av], c) or regex.match(_CATEGORY_RE[av], c))):
                hits.add(c)
    return len(hits) < len(chars) if negate else bool(hits)


def _admits(item, ch: str) -> bool:
    """Whether a first item may match the ASCII character ``ch`` (never a false ``False``)."""
    op, av, ic = item
    if op is _C.ANY:
        return True
    if op in (_C.LITERAL, _C.NOT_LITERAL):
        same = ord(ch) == av or (ic and ord(ch.swapcase()) == av)
        return same if op is _C.LITERAL else (ch != chr(av) or ic)
    return _in_admits(av, ch, ic)


def _may_be_non_ascii(item) -> bool:
    """Whether a first item may match some non-ASCII character (conservative)."""
    op, av, ic = item
    if op is _C.LITERAL:
        return av > 127 or (ic and chr(av).isalpha())
    if op is not _C.IN:
        return True
    for sop, sav in av:
        if sop in (_C.NEGATE, _C.CATEGORY):
            return True
        lo, hi = (sav, sav) if sop is _C.LITERAL else sav
        if hi > 127 or (ic and any(chr(c).isalpha() for c in range(lo, min(hi, 127) + 1))):
            return True
    return False


def first_items(pattern: str, named_lists: Mapping[str, frozenset[str]]) -> list:
    """The items a match of ``pattern`` can start with (see :func:`_first`).

    Raises:
        ValueError: if ``pattern`` can match the empty string or uses a construct not handled.
    """
    out: list = []
    if _first(_P.parse(_analysable(pattern, named_lists)), False, out):
        raise ValueError(f"first characters: pattern can match the empty string: {pattern[:60]}")
    return out




def _digit_set(op, av) -> bool:
    """Whether a one-character item matches only decimal digits (a digit literal, a set of them)."""
    if op is _C.LITERAL:
        return 48 <= av <= 57
    if op is not _C.IN or not av or av[0][0] is _C.NEGATE:
        return False
    return all((sop is _C.LITERAL and 48 <= sav <= 57) or (sop is _C.RANGE and 48 <= sav[0] <= sav[1] <= 57)
               or (sop is _C.CATEGORY and sav is _C.CATEGORY_DIGIT) for sop, sav in av)


def _needs(seq, item) -> bool:
    """Whether every match of the parsed sequence ``seq`` holds a one-character item for which
    ``item(op, argument)`` is true (never a false ``True``: a lookaround or a construct not known
    counts as holding none)."""
    for op, av in seq:
        if op in (_C.LITERAL, _C.IN):
            if item(op, av):
                return True
        elif op is _C.BRANCH:
            if all(_needs(alt, item) for alt in av[1]):
                return True
        elif op is _C.SUBPATTERN:
            if _needs(av[3], item):
                return True
        elif op is _C.ATOMIC_GROUP:
            if _needs(av, item):
                return True
        elif op in _REPEATS:
            if av[0] >= 1 and _needs(av[2], item):
                return True
        elif op is _C.GROUPREF_EXISTS:
            if _needs(av[1], item) and av[2] is not None and _needs(av[2], item):
                return True
    return False


def needs_digit(pattern: str, named_lists: Mapping[str, frozenset[str]]) -> bool:
    """Whether every match of ``pattern`` (regex-module syntax, with the named lists
    ``named_lists``) holds a decimal digit: then it cannot match a text without one. A named list
    counts as needing a digit when every word of it starts with one."""
    return _needs(_P.parse(_analysable(pattern, named_lists)), _digit_set)


_MARK = 0xE000  # a private-use character standing for a named list in needs_list


def needs_list(pattern: str, named_lists: Mapping[str, frozenset[str]], names: frozenset[str], *,
               or_digit: bool = False) -> bool:
    """Whether every match of ``pattern`` (regex-module syntax, with the named lists
    ``named_lists``) holds a word of one of the named lists ``names`` (or, with ``or_digit``, such a
    word or a decimal digit): then it cannot match a text where none of them occurs."""
    marked = _re.sub(r"\\L<(\w+)>", lambda m: f"\\U{_MARK:08x}" if m.group(1) in names else m.group(0), pattern)
    return _needs(_P.parse(_analysable(marked, named_lists)),
                  lambda op, av: (op is _C.LITERAL and av == _MARK) or (or_digit and _digit_set(op, av)))


def _class(chars: set[str], non_ascii: bool) -> str:
    """A character set of ``chars`` (ASCII; written as ranges) and, if ``non_ascii``, all non-ASCII."""
    codes, parts = sorted(ord(c) for c in chars), []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\x{codes[i]:02x}" + (f"-\\x{codes[j]:02x}" if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + (r"\x80-\U0010ffff" if non_ascii else "") + "]"


def _first_class(pattern: str, named_lists: Mapping[str, frozenset[str]]) -> tuple[set[str], bool]:
    """(the ASCII characters a match of ``pattern`` may start with, whether it may start with a
    non-ASCII one)."""
    items = first_items(pattern, named_lists)
    chars = {ch for ch in _ASCII if any(_admits(it, ch) for it in items)}
    return chars, any(_may_be_non_ascii(it) for it in items)


def guarded(branches: list[str], named_lists: Mapping[str, frozenset[str]], *, leaf: int = 4) -> str:
    """The alternation ``"|".join(branches)`` as a tree of lookahead-guarded runs (see above).

    Args:
        branches: regex-module patterns, tried in this order (each may hold named groups).
        named_lists: the named lists (``\\L<name>``) the patterns use.
        leaf: the number of branches under a lookahead at the bottom of the tree.

    Returns:
        A pattern that matches what the plain alternation matches, at any position, with the same
        groups (the named lists are left as they are).

    Raises:
        ValueError: as :func:`first_items`.
    """
    firsts = [_first_class(b, named_lists) for b in branches]

    def tree(lo: int, hi: int) -> str:
        if hi - lo <= leaf:
            body = "|".join(branches[lo:hi])
        else:
            mid = (lo + hi) // 2
            body = tree(lo, mid) + "|" + tree(mid, hi)
        chars = set().union(*(firsts[i][0] for i in range(lo, hi)))
        return f"(?={_class(chars, any(firsts[i][1] for i in range(lo, hi)))})(?:{body})"

    return tree(0, len(branches))


def _scan_groups(pattern: str, on_group, on_escape=None) -> str:
    """Rebuild ``pattern`` group by group: ``on_group(text, quantified_optional, ignore_case)``
    returns the text of each group (with its ``?`` when it returns a tuple ``(text, True)``);
    ``on_escape(escape, ignore_case)`` the text of each backslash escape."""
    out: list[list[str]] = [[]]
    ic = [False]
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c == "\\":
            esc = pattern[i:i + 2]
            if esc == "\\L":
                j = pattern.index(">", i)
                esc = pattern[i:j + 1]
            out[-1].append(on_escape(esc, ic[-1]) if on_escape and not in_class else esc)
            i += len(esc)
        elif in_class:
            in_class = c != "]"
            out[-1].append(c)
            i += 1
        elif c == "[":
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            j += pattern[j:j + 1] == "]"  # a ']' first in a set is a literal
            out[-1].append(pattern[i:j])
            in_class, i = True, j
        elif c == "(":
            out.append(["("])
            ic.append(pattern.startswith("(?i:", i) or (ic[-1] and not pattern.startswith("(?-i:", i)))
            i += 1
        elif c == ")":
            text, group_ic = "".join(out.pop()) + ")", ic.pop()
            i += 1
            optional = pattern[i:i + 1] == "?" and pattern[i + 1:i + 2] not in ("?", "+")
            out[-1].append(on_group(text, optional, group_ic))
            i += optional
        else:
            out[-1].append(c)
            i += 1
    if len(out) != 1:
        raise ValueError("unbalanced parentheses")
    return "".join(out[0])


def optional_groups_as_alternations(pattern: str) -> str:
    """``pattern`` with every greedy optional group ``(...)?`` written ``(?:(...)|)``.

    Raises:
        ValueError: if the parentheses of ``pattern`` are unbalanced.
    """
    return _scan_groups(pattern, lambda g, opt, _ic: f"(?:{g}|)" if opt else g)


def expand_named_lists(pattern: str, named_lists: Mapping[str, frozenset[str]]) -> str:
    """``pattern`` with every named list ``\\L<name>`` spelled out as a prefix-factored alternation.

    Raises:
        ValueError: for a named list under a case-insensitive scope or holding the empty string
            (not rewritten: their matching differs).
    """
    def escape(esc: str, ic: bool) -> str:
        if not esc.startswith("\\L<"):
            return esc
        words = named_lists[esc[3:-1]]
        if ic or "" in words:
            raise ValueError(f"named list {esc} cannot be spelled out")
        return "(?:" + trie_alt(words) + ")"

    return _scan_groups(pattern, lambda g, opt, _ic: g + "?" if opt else g, escape)
