"""spaCy components of claimx, registered as factories (also through the ``spacy_factories``
entry point, so ``nlp.add_pipe("claimx_claims")`` works without importing claimx first).

The components never import each other: what they share is below them (:mod:`.context`,
:mod:`.records`, :mod:`claimx.cues`, the grammar). Results are stored as plain, serialisable data on the ``Doc``:

* ``doc._.claimx_context``: a :class:`~claimx.components.context.ClaimxContext` (set by the caller,
  read by every component: the reference date, the currency hint, precomputed quantities, ...);
* ``doc._.claimx_quantities`` / ``doc._.claimx_timeframes``: lists of dicts, offsets into ``doc.text``;
  also as spans in ``doc.spans["claimx_quantities"]`` / ``doc.spans["claimx_timeframes"]``;
* ``doc._.claimx_cues``: ``{"hedges": [...], "attributions": [...]}``;
* ``doc._.claimx_claims_data``: the claims as dicts; ``doc._.claims`` validates them into
  :class:`claimx.models.Claim` objects on access.
"""

from spacy.tokens import Doc

from ..models import Claim


def _claims_getter(doc: Doc) -> list[Claim]:
    return [Claim.model_validate(d) for d in (doc._.claimx_claims_data or [])]


for _name in ("claimx_context", "claimx_quantities", "claimx_timeframes", "claimx_cues", "claimx_claims_data"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=_claims_getter)

from . import attributes, claims, cues, lemmas, quantities, timeframes  # noqa: E402,F401  (register factories)
from .context import ClaimxContext  # noqa: E402,F401
