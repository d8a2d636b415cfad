"""A necessary word test for a regular expression: the literal strings (*needles*) one of which
every match of the pattern holds, so that a text holding none of them is not scanned. Used for the
modality slot's cue patterns (``modality_rules.json``, worked out once per sentence instead of one
scan per quantity) and the period patterns of :mod:`claimx.assembly.passes.periods`.

A pattern with its zero-width assertions taken out (``\\b``, ``^``, ``$``, lookarounds) matches
every stretch of text the pattern matches, whatever stands around it: it reads only the characters
it consumes. The literal strings one of which every match of that relaxation must hold (the
pattern's needles: "expected", "anticipated", ... of a cue group) therefore hold for the
pattern too: a text in which none of them starts has no match of the pattern. The relaxation
refuses what would break that argument (back references, atomic groups, possessive quantifiers, a
quantifier on an assertion, grapheme clusters, nested sets), and needles are only ASCII strings of
three or more characters, looked up in the text with its ASCII letters lower-cased (case-insensitive
matching of ASCII, as long as no other character of the text folds to an ASCII letter, like the
Kelvin sign); any other pattern or text is always run.
"""

from __future__ import annotations

from typing import Optional

import regex

__all__ = ["relax", "needles", "first_needle", "last_needle", "needle_text"]

#: escapes that consume no character, dropped by :func:`relax`
_ZERO_WIDTH_ESCAPES = frozenset("bBAZzGmM")
#: escapes whose match is not a function of the characters they consume (or refer to a group)
_REFUSED_ESCAPES = frozenset("0123456789gKX")
_QUANTIFIERS = frozenset("*+?{")


def _class_end(p: str, i: int) -> Optional[int]:
    """The index after the character class that opens at ``p[i] == "["``; ``None`` for a nested
    set or an unclosed class."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            return None
        if c == "]":
            return j + 1
        j += 1
    return None


def _group_end(p: str, i: int) -> Optional[int]:
    """The index after the group that opens at ``p[i] == "("`` (escapes and classes skipped)."""
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            k = _class_end(p, j)
            if k is None:
                return None
            j = k
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return None


def relax(p: str) -> Optional[str]:
    """Pattern ``p`` without its zero-width assertions, or ``None`` when ``p`` holds a construct
    whose matches the relaxation would not keep (see the module docstring)."""
    out: list[str] = []
    i = 0
    dropped_at = -1  # the index right after the last assertion dropped
    while i < len(p):
        c = p[i]
        if c in _QUANTIFIERS and i == dropped_at:
            return None  # a quantifier on a dropped assertion would move to what precedes it
        if c in "*+?}" and i + 1 < len(p) and p[i + 1] == "+" and (c != "?" or (i and p[i - 1] != "(")):
            return None  # possessive quantifier
        if c == "\\":
            if i + 1 >= len(p):
                return None
            e = p[i + 1]
            if e in _REFUSED_ESCAPES:
                return None
            if e in _ZERO_WIDTH_ESCAPES:
                i += 2
                dropped_at = i
                continue
            out.append(p[i:i + 2])
            i += 2
            continue
        if c == "[":
            k = _class_end(p, i)
            if k is None:
                return None
            out.append(p[i:k])
            i = k
            continue
        if c in "^$":
            i += 1
            dropped_at = i
            continue
        if c == "(" and p.startswith("?", i + 1):
            rest = p[i + 2:]
            if rest[:1] in ("=", "!") or rest[:2] in ("<=", "<!"):
                k = _group_end(p, i)
                if k is None:
                    return None
                i = dropped_at = k
                continue
            if not (rest.startswith(":") or rest.startswith("P<") or regex.match(r"<[A-Za-z_]", rest)
                    or regex.match(r"[a-zA-Z]+[):]", rest)):
                return None  # atomic group, conditional, comment, recursion, branch reset ...
        out.append(c)
        i += 1
    return "".join(out)


try:  # the standard library's regular-expression parser (its module name since Python 3.11)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_MIN_NEEDLE = 3
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_FOLDS_TO_ASCII = regex.compile(r"(?i)[a-z]")


def needle_text(seg: str) -> Optional[str]:
    """``seg`` with its ASCII letters lower-cased (same length), where the needles are looked up;
    ``None`` when a character of ``seg`` beyond ASCII matches an ASCII letter case-insensitively."""
    if not seg.isascii() and any(_FOLDS_TO_ASCII.match(c) for c in set(_NON_ASCII.findall(seg))):
        return None
    return seg.translate(_ASCII_LOWER)


def _item_needles(op, av) -> Optional[frozenset[str]]:
    """Strings one of which every match of the parsed item ``(op, av)`` holds, else ``None``."""
    name = str(op)
    if name == "SUBPATTERN":
        return _seq_needles(av[-1])
    if name == "BRANCH":
        found: set[str] = set()
        for branch in av[1]:
            sub = _seq_needles(branch)
            if sub is None:
                return None
            found |= sub
        return frozenset(found)
    if name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
        return _seq_needles(av[2])
    return None


def _seq_needles(seq) -> Optional[frozenset[str]]:
    """The best needle set of a parsed sequence: a run of ASCII literals, or one item's set (the
    one whose shortest needle is longest)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in seq:
        if str(op) == "LITERAL" and av < 128:
            run += chr(av).lower()
            continue
        if len(run) >= _MIN_NEEDLE:
            options.append(frozenset([run]))
        run = ""
        sub = _item_needles(op, av)
        if sub:
            options.append(sub)
    if len(run) >= _MIN_NEEDLE:
        options.append(frozenset([run]))
    options = [o for o in options if min(map(len, o)) >= _MIN_NEEDLE]
    return max(options, key=lambda o: min(map(len, o))) if options else None


def needles(pattern: str) -> Optional[tuple[str, ...]]:
    """The needles of ``pattern`` (lower case, see the module docstring), or ``None`` when it has
    none that can be trusted (then the pattern is always run)."""
    relaxed = relax(pattern)
    if relaxed is None:
        return None
    try:
        found = _seq_needles(_sre_parse.parse(relaxed))
    except Exception:  # a construct of the regex module the standard parser lacks
        return None
    if not found or any(not n.isascii() for n in found):
        return None
    return tuple(sorted(found))


def first_needle(lowered: str, found: Optional[tuple[str, ...]]) -> float:
    """The first offset in ``lowered`` (a sentence's :func:`needle_text`) at which one of the needles
    ``found`` starts; ``inf`` when none does, ``-inf`` when ``found`` is ``None`` (no test)."""
    if found is None:
        return float("-inf")
    best = float("inf")
    for n in found:
        i = lowered.find(n)
        if i >= 0 and i < best:
            best = i
    return best


def last_needle(lowered: str, found: Optional[tuple[str, ...]]) -> float:
    """The last offset in ``lowered`` (a sentence's :func:`needle_text`) at which one of the needles
    ``found`` starts; ``-inf`` when none does, ``inf`` when ``found`` is ``None`` (no test)."""
    if found is None:
        return float("inf")
    return max((float(lowered.rfind(n)) for n in found if n in lowered), default=float("-inf"))
