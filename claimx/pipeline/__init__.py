"""Loading the spaCy model and running the claimx pipeline over texts.

* :mod:`.model` -- :func:`load_model` (the one place that chooses the English pipeline) and
  :func:`add_claimx_components`;
* :mod:`.extractor` -- :class:`Extractor` (raw text in, :class:`~claimx.models.Claim` objects out,
  parsing only the windows of text the claims need) and :func:`extract`;
* :mod:`.parallel` -- the forked worker processes behind ``Extractor.pipe(n_process=N)``.

Everything public is importable from here (``from claimx.pipeline import Extractor``).
"""

from ..windows import paragraph_spans
from .extractor import NEVER_CLAIMS, WINDOW_BATCH, ExtractionError, Extractor, extract
from .model import (
    COMPONENTS,
    DEFAULT_MODELS,
    MODEL_ENV,
    ModelNotFoundError,
    add_claimx_components,
    load_model,
    use_table_attributes,
    use_table_lemmatizer,
)

__all__ = [
    "COMPONENTS", "DEFAULT_MODELS", "MODEL_ENV", "NEVER_CLAIMS", "WINDOW_BATCH", "ExtractionError", "Extractor",
    "ModelNotFoundError", "add_claimx_components", "extract", "load_model", "paragraph_spans",
    "use_table_attributes", "use_table_lemmatizer",
]
