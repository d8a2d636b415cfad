"""A word test before each period pattern: a pattern whose every match holds one of a few literal
strings (its needles, :mod:`claimx.assembly.pattern_needles`, derived from the pattern itself)
cannot match a text that holds none of them, so the scan of that text is skipped.

:func:`_phrases <claimx.assembly.passes.periods>` runs some thirty patterns of
``resources/timeframes_context.json`` over every window; most windows name no "quarter", "month"
or "fiscal year", and a ``(?i)`` pattern that starts with optional words is tried at every word
boundary. A pattern without needles (one the derivation cannot read) and a text in which a
character beyond ASCII folds to an ASCII letter are always scanned.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Iterator, Optional

from ..pattern_needles import needle_text, needles


@lru_cache(maxsize=None)
def pattern_needles(source: str) -> Optional[tuple[str, ...]]:
    """The needles of a period pattern's source (:func:`claimx.assembly.pattern_needles.needles`),
    worked out once per pattern; ``None`` when it has none (always scanned)."""
    return needles(source)


class _NoMatch:
    """Stands for a pattern that cannot match the text: scans find nothing."""

    def finditer(self, *_args, **_kwargs) -> Iterator:
        return iter(())

    def search(self, *_args, **_kwargs) -> None:
        return None

    def match(self, *_args, **_kwargs) -> None:
        return None

    def fullmatch(self, *_args, **_kwargs) -> None:
        return None


_NO_MATCH = _NoMatch()


class Prefiltered(Mapping):
    """The compiled patterns for scans of ``text`` (or of parts of it) only: a pattern whose
    needles ``text`` lacks is a pattern that matches nothing."""

    def __init__(self, patterns: Mapping, text: str) -> None:
        self._patterns = patterns
        self._lowered = needle_text(text)  # None: some character folds to an ASCII letter
        self._held: dict[str, bool] = {}

    def __getitem__(self, name: str):
        pattern = self._patterns[name]
        source = getattr(pattern, "pattern", None)
        if self._lowered is None or not isinstance(source, str):
            return pattern
        found = pattern_needles(source)
        if found is None:
            return pattern
        for w in found:
            if self._holds(w):
                return pattern
        return _NO_MATCH

    def _holds(self, word: str) -> bool:
        held = self._held.get(word)
        if held is None:
            held = self._held[word] = word in self._lowered
        return held

    def __iter__(self) -> Iterator[str]:
        return iter(self._patterns)

    def __len__(self) -> int:
        return len(self._patterns)
