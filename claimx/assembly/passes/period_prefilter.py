"""A word test before each period pattern: a pattern whose every match holds one of a few literal
words cannot match a text that holds none of them, so the scan of that text is skipped.

:func:`_phrases <claimx.assembly.passes.periods>` runs some twenty patterns of
``resources/timeframes_context.json`` over every window; most windows name no "quarter", "month"
or "fiscal year", and a ``(?i)`` pattern that starts with optional words is tried at every word
boundary. The test is on ``text.casefold()`` (with the dotted capital I's fold "i" + U+0307 read as
"i"): case folding maps every character a ``(?i)`` pattern matches to a letter of the word onto
that letter (checked over all of Unicode by a test), so the test never skips a text the pattern
matches; it may let through one the pattern does not match, which the scan then finds nothing in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

from ...lexicons import read_json

#: pattern name -> words (lower case) of which every match of the pattern holds at least one
#: (``needs`` of ``resources/period_prefilter.json``)
NEEDS: dict[str, tuple[str, ...]] = {name: tuple(words) for name, words in read_json("period_prefilter.json")["needs"].items()}


class _NoMatch:
    """Stands for a pattern that cannot match the text: scans find nothing."""

    def finditer(self, *_args, **_kwargs) -> Iterator:
        return iter(())

    def search(self, *_args, **_kwargs) -> None:
        return None

    def match(self, *_args, **_kwargs) -> None:
        return None


_NO_MATCH = _NoMatch()


class Prefiltered(Mapping):
    """The compiled patterns for scans of ``text`` (or of parts of it) only: a pattern of
    :data:`NEEDS` whose words ``text`` lacks is a pattern that matches nothing."""

    def __init__(self, patterns: Mapping, text: str) -> None:
        self._patterns = patterns
        # "İ" folds to "i" and a combining dot; a (?i) pattern matches it as "i"
        self._folded = text.casefold().replace("i\u0307", "i")
        self._held: dict[str, bool] = {}

    def __getitem__(self, name: str):
        pattern = self._patterns[name]
        needs = NEEDS.get(name)
        if needs is None or any(self._holds(w) for w in needs):
            return pattern
        return _NO_MATCH

    def _holds(self, word: str) -> bool:
        held = self._held.get(word)
        if held is None:
            held = self._held[word] = word in self._folded
        return held

    def __iter__(self) -> Iterator[str]:
        return iter(self._patterns)

    def __len__(self) -> int:
        return len(self._patterns)
