"""claimx: structured quantitative claims from policy and industry articles.

Public API::

    import claimx
    claims = claimx.extract(text, doc_id="a1", reference_date="2025-11-10")   # list[claimx.Claim]
    ex = claimx.Extractor(model=None, reference_date=None)                    # reusable
    for claims in ex.pipe(texts, batch_size=16, n_process=1): ...
    report = claimx.score(gold_dicts, predicted_dicts)                         # GOLD.md scorer

Heavy modules (spaCy) are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "extract": ("claimx.pipeline", "extract"),
    "Extractor": ("claimx.pipeline", "Extractor"),
    "load_model": ("claimx.pipeline", "load_model"),
    "ModelNotFoundError": ("claimx.pipeline", "ModelNotFoundError"),
    "Claim": ("claimx.models", "Claim"),
    "Quantity": ("claimx.models", "Quantity"),
    "Mention": ("claimx.models", "Mention"),
    "EntityMention": ("claimx.models", "EntityMention"),
    "Timeframe": ("claimx.models", "Timeframe"),
    "Change": ("claimx.models", "Change"),
    "claim_json_schema": ("claimx.models", "claim_json_schema"),
    "score": ("claimx.evaluate", "score"),
    "load_claims": ("claimx.evaluate", "load_claims"),
    "format_report": ("claimx.evaluate", "format_report"),
    "run_batch": ("claimx.batch", "run_batch"),
    "to_dataframe": ("claimx.frame", "to_dataframe"),
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'claimx' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


if TYPE_CHECKING:  # pragma: no cover
    from .evaluate import format_report, load_claims, score
    from .models import Change, Claim, EntityMention, Mention, Quantity, Timeframe, claim_json_schema
    from .pipeline import Extractor, ModelNotFoundError, extract, load_model
