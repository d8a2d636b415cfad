"""The claim extractor: raw text in, :class:`~claimx.models.Claim` objects out.

:class:`Extractor` runs the claimx pipeline (:mod:`claimx.pipeline.model`) over texts, parsing only
what the claims need (the regex grammar is cheap, the parse is not): of each paragraph that holds a
candidate quantity, its sentences up to the last such one (:mod:`claimx.windows`). Each window's Doc
gets a :class:`~claimx.components.context.ClaimxContext` with what only the whole article shows.
Several processes: :mod:`claimx.pipeline.parallel`.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ..assembly.context import remember_text
from ..components.context import ClaimxContext, as_date
from ..components.records import match_to_dict
from ..models import Claim
from ..windows import assign_to_windows, paragraph_spans, sentence_windows, split_long
from .model import MODEL_ENV, add_claimx_components, load_model
from .parallel import pipe_processes

#: Fewest windows per spaCy batch in Extractor.pipe (dense text: about 20% less CPU than 16).
WINDOW_BATCH = 128
#: Forms of quantity that are never claims on their own (see Extractor(include_vague=...)).
NEVER_CLAIMS = frozenset({"vague", "scale_adjective", "attributive"})


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
        self.reference_date = as_date(reference_date)
        self.include_vague = include_vague
        self.min_confidence = min_confidence

    # -- windows -----------------------------------------------------------------------------
    def _windows(self, text: str, reference_date: Union[_dt.date, dict, None] = None) -> list[tuple[Doc, int]]:
        """The parts of ``text`` worth parsing, as unparsed Docs with their offsets, each with its
        :class:`~claimx.components.context.ClaimxContext` (``reference_date``: a date, or a dict
        holding one under ``"reference_date"``).

        Per paragraph: nothing when it holds no candidate quantity; else, with
        ``whole_paragraphs``, the whole paragraph; else the windows of
        :func:`claimx.windows.sentence_windows` for ``context_sentences``. Sentences are cut by a
        cheap rule here; the parser cuts them again inside each window.
        """
        from ..assembly.article import article_topics
        from ..assembly.article_subjects import article_subjects
        from ..assembly.metric_topic import measure_topics
        from ..assembly.passes.periods import article_periods, reads_prior
        from ..grammar.quantities import find_quantities, guess_currency_hint

        hint = guess_currency_hint(text)
        topics: Optional[tuple] = None  # the article's names, read once a window is made
        ref = reference_date.get("reference_date") if isinstance(reference_date, dict) else reference_date
        out = []
        max_len = self.nlp.max_length
        periods: Optional[list[dict]] = None  # the article's dated periods, for anaphors ("the quarter")
        for start, end in paragraph_spans(text):
            for s, e in split_long(text, start, end, max_len):
                matches = find_quantities(text[s:e], currency_hint=hint)
                claimable = [m for m in matches if self.include_vague or m.form not in NEVER_CLAIMS]
                if not claimable:
                    continue
                cand = sorted((s + m.start_char, s + m.end_char) for m in claimable)
                windows = self._sentence_windows(text, s, e, cand)
                order = sorted(range(len(matches)), key=lambda i: (matches[i].start_char, matches[i].end_char))
                spans = [(s + matches[i].start_char, s + matches[i].end_char) for i in order]
                for (ws, we), inside in zip(windows, assign_to_windows(windows, spans)):
                    local = [matches[i] for i in sorted(order[k] for k in inside)]
                    prior: tuple[dict, ...] = ()
                    if ws > 0 and reads_prior(text[ws:we]):
                        # the periods named before the window, for its anaphoric periods (none
                        # before the text's start: a one-paragraph text never reads the article's
                        # periods; nor does a window that names no "the quarter", "that year")
                        if periods is None:
                            periods = article_periods(text, ref)
                        prior = tuple(p for p in periods if p["start_char"] < ws)
                    if topics is None:
                        topics = tuple(article_topics(text)) + measure_topics(text) + tuple(article_subjects(text))
                    part = text[ws:we]
                    doc = remember_text(self.nlp.make_doc(part), part)
                    doc._.claimx_context = ClaimxContext(
                        reference_date=ref,
                        currency_hint=hint,
                        article_topics=topics,
                        include_vague=self.include_vague,
                        quantities=tuple(match_to_dict(m, s - ws) for m in local),
                        prior_periods=prior,
                    )
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
            return pipe_processes(self, items, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process,
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
                ref = as_date(cdict.get("reference_date")) or self.reference_date
                windows = self._windows(text, ref)
                doc_id = cdict.get("doc_id")
                if not windows:
                    # No candidate quantity: an empty Doc keeps the article's place in the stream
                    # at no parsing cost.
                    empty = self.nlp.make_doc("")
                    empty._.claimx_context = ClaimxContext(reference_date=ref, quantities=())
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
