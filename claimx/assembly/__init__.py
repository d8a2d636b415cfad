"""Claim assembly: from quantities, timeframes and cues on a parsed ``Doc`` to claim records.

For each quantity the assembly finds, from the dependency parse and the sentence around it, one
slot per module of :mod:`claimx.assembly.slots`:

* the **kind** (``level``, ``change`` with its direction and start point, ``ratio`` with its
  reference),
* the **metric** (the noun phrase the number measures),
* the **attribution** (source cue in the clause, or at the head of the sentence),
* the **entity** (who or what it is about; carried over from earlier sentences of the paragraph
  with ``inferred=True`` when the sentence names none, see :mod:`claimx.assembly.passes.discourse`),
* the **timeframe** (a sentence-initial one scopes over every clause; otherwise the nearest one in
  the quantity's own clause),
* the **modality** and **hedge** (nearest cue before the quantity in its clause),
* and a **confidence**.

Each slot reads a :class:`~claimx.assembly.context.QuantityContext` (computed once per quantity) and
returns its value; :mod:`claimx.assembly.engine` applies them in order and runs the passes over
coordinated quantities and the discourse. Everything returns plain dicts (serialisable, stored on
``doc._.claimx_claims_data``). Clause boundaries are the words of ``cues.json``'s
``clause_boundaries`` (";", "while", ", and", ...).
"""

from __future__ import annotations

from .context import DocState, QuantityContext, SentenceInfo
from .engine import assemble
from .mentions import mention, shift_timex, token_mention
from .syntax import np_bounds

__all__ = ["assemble", "shift_timex", "np_bounds", "mention", "token_mention", "SentenceInfo", "DocState",
           "QuantityContext"]
