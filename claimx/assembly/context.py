"""The state the slots read: per document (:class:`DocState`), per sentence (:class:`SentenceInfo`)
and per quantity (:class:`QuantityContext`, built once and frozen)."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional, Union

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

from ..lexicons import CompiledCues, Lexicons, SyntaxLexicon, load_default
from .syntax import governing_verb, q_root, subject_of

#: ``(token count, doc.text)`` of the Docs seen lately, kept while each Doc lives: spaCy joins the
#: tokens' texts anew on every read of ``doc.text``, and a Doc's text does not change (retokenizing
#: keeps it; the token count guards against a Doc filled again from bytes)
_TEXTS: "weakref.WeakKeyDictionary[Doc, tuple[int, str]]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text`` (a ``str``), joined once per Doc (see ``_TEXTS``)."""
    n = len(doc)
    seen = _TEXTS.get(doc)
    if seen is None or seen[0] != n:
        seen = _TEXTS[doc] = (n, doc.text)
    return seen[1]


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` as ``doc.text`` for :func:`doc_text` (``doc`` was just made from ``text`` by
    the tokenizer, which keeps every character), so the first read need not join the tokens.
    Returns ``doc``."""
    _TEXTS[doc] = (len(doc), text)
    return doc


@dataclass
class SentenceInfo:
    """One parser sentence with the records (quantities, timeframes, hedges, attributions) that
    start in it; character offsets relative to ``doc.text``."""

    span: Span
    start: int
    end: int
    quantities: list[dict] = field(default_factory=list)
    timeframes: list[dict] = field(default_factory=list)
    hedges: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    #: ``hedges`` without the words that are no cue here, filled on first use by
    #: :func:`claimx.assembly.slots.modality_rules.usable_hedges` (read for every quantity)
    usable_hedges: Optional[list[dict]] = field(default=None, repr=False, compare=False)
    #: where the modality cue patterns' needles stand in the sentence, filled on first use by
    #: :func:`claimx.assembly.slots.modality_rules.before_starts` and ``report_after`` (read for
    #: every quantity)
    needle_cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def ents(self) -> list[Span]:
        """``span.ents``: the named entities inside the sentence (spaCy rebuilds every entity span
        of the Doc on each read), read once."""
        return self.span.ents

    @cached_property
    def token_ends(self) -> tuple[list[int], list[Optional[Token]]]:
        """``(ends, words)``: the end offset of each token of the sentence (increasing), and for
        each token the last non-punctuation token up to it (``None`` before the first one); read
        by :func:`claimx.assembly.syntax.token_before` for every quantity."""
        ends: list[int] = []
        words: list[Optional[Token]] = []
        last = None
        for t in self.span:
            ends.append(t.idx + len(t.text))
            if not t.is_punct:
                last = t
            words.append(last)
        return ends, words

    @cached_property
    def noun_chunks(self) -> list[Span]:
        """``list(span.noun_chunks)`` (spaCy walks the whole Doc's chunks on each read), read once."""
        return list(self.span.noun_chunks)


@dataclass
class DocState:
    """Everything the assembly knows of one parsed ``Doc`` (one paragraph window of an article).

    ``quantities``/``timeframes`` are sorted by start; ``q_tokens`` maps a quantity's index to its
    token indices, ``token_q`` the reverse; ``time_tokens`` are the tokens of time expressions; ``article_topics``
    the article's names when the pipeline passed them. ``cues`` and ``syntax`` are the lexicons in
    use (``cues.json``, ``syntax.json``: the packaged ones unless a custom :class:`Lexicons` was given).
    """

    doc: Doc
    text: str
    cues: CompiledCues
    include_vague: bool
    quantities: list[dict]
    timeframes: list[dict]
    hedges: list[dict]
    attributions: list[dict]
    sentences: list[SentenceInfo] = field(default_factory=list)
    q_tokens: dict[int, set[int]] = field(default_factory=dict)
    token_q: dict[int, int] = field(default_factory=dict)
    time_tokens: set[int] = field(default_factory=set)
    #: the names of the whole article, best first (:func:`claimx.assembly.article.article_topics`)
    article_topics: list[dict] = field(default_factory=list)
    #: the article's measure topic (:func:`claimx.assembly.metric_topic.article_measure`), or None
    article_measure: Optional[dict] = None
    #: the subject phrases of the article's opening sentences
    #: (:func:`claimx.assembly.article_subjects.article_subjects`)
    article_subjects: list[dict] = field(default_factory=list)
    #: the assembly's word classes (entity labels, pronouns, measure heads, ...)
    syntax: SyntaxLexicon = field(default_factory=lambda: load_default().syntax)
    #: clause segments per sentence ``(start, end)``, filled by :func:`claimx.assembly.clauses.segments`
    segment_cache: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict, repr=False, compare=False)
    #: ranker features of candidate head tokens (by token index, and by quantity and token index),
    #: filled by :mod:`claimx.assembly.candidates`
    feature_cache: dict = field(default_factory=dict, repr=False, compare=False)
    #: what the exclusions read of a span's tokens, by ``(start_char, end_char)``, filled by
    #: :func:`claimx.assembly.exclusions.exclusion_reason`
    exclusion_cache: dict = field(default_factory=dict, repr=False, compare=False)
    #: noun-phrase mentions by head token and the quantity tokens inside its subtree, filled by
    #: :func:`claimx.assembly.slots.metric.metric_from_noun` and :func:`claimx.assembly.mentions.np_entity`
    #: (each quantity's candidates ask again for the sentence's noun chunks)
    np_cache: dict = field(default_factory=dict, repr=False, compare=False)
    _span_tokens: dict[tuple[int, int], tuple[Token, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, doc: Doc, quantities: list[dict], timeframes: list[dict], cues: Optional[dict] = None,
              *, include_vague: bool = False,
              lexicon: Union[Lexicons, CompiledCues, None] = None) -> "DocState":
        """The state of ``doc`` given the component records (``cues``: ``{"hedges", "attributions"}``).

        ``lexicon``: a :class:`Lexicons` (its cue and syntax lexicons are used), a cue lexicon alone
        (the packaged syntax lexicon with it), or ``None`` for the packaged ones.
        """
        cues = cues or {}
        lexicons = lexicon if isinstance(lexicon, Lexicons) else None
        compiled = lexicons.cues if lexicons is not None else (lexicon or load_default().cues)
        syntax = lexicons.syntax if lexicons is not None else load_default().syntax
        st = cls(doc=doc, text=doc_text(doc), cues=compiled, syntax=syntax, include_vague=include_vague,
                 quantities=sorted(quantities, key=lambda q: q["start_char"]),
                 timeframes=sorted(timeframes, key=lambda t: t["start_char"]),
                 hedges=cues.get("hedges", []),
                 # a cue whose span is empty or inverted cannot be cited ("said Rs 500")
                 attributions=[a for a in cues.get("attributions", []) if a["end_char"] > a["start_char"]])
        st.sentences = st._sentences()
        for qi, q in enumerate(st.quantities):
            span = doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
            st.q_tokens[qi] = set(range(span.start, span.end)) if span is not None else set()
        st.token_q = {t: qi for qi, ts in st.q_tokens.items() for t in ts}
        # tokens of time expressions are never entities ("a loss in H1 2025")
        for t in st.timeframes:
            span = doc.char_span(t["start_char"], t["end_char"], alignment_mode="expand")
            if span is not None:
                st.time_tokens.update(range(span.start, span.end))
        return st

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        """``doc.ents`` (spaCy rebuilds every entity span on each read), read once."""
        return self.doc.ents

    @cached_property
    def heads(self) -> list[int]:
        """The index of each token's syntactic head (``doc[i].head.i``; a root is its own head), read
        from the Doc's array of head offsets in one call instead of one Token per index."""
        if not len(self.doc):
            return []
        offsets = self.doc.to_array(HEAD).astype("int64")
        return (numpy.arange(len(offsets)) + offsets).tolist()

    def span_tokens(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens of ``doc.char_span(start, end, alignment_mode="expand")`` (character offsets
        into ``doc.text``; empty when there is no such span), looked up once per span."""
        key = (start, end)
        toks = self._span_tokens.get(key)
        if toks is None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            toks = self._span_tokens[key] = tuple(span) if span is not None else ()
        return toks

    def _sentences(self) -> list[SentenceInfo]:
        if self.doc.has_annotation("SENT_START"):
            sents = [SentenceInfo(s, s.start_char, s.end_char) for s in self.doc.sents]
        else:
            sents = [SentenceInfo(self.doc[:], 0, len(self.text))]
        # a quantity split across two parser sentences is given to the first
        for bucket, items in (("quantities", self.quantities), ("timeframes", self.timeframes),
                              ("hedges", self.hedges), ("attributions", self.attributions)):
            for it in items:
                for s in sents:
                    if s.start <= it["start_char"] < s.end:
                        getattr(s, bucket).append(it)
                        break
        return sents


@dataclass(frozen=True)
class QuantityContext:
    """One quantity in its sentence, computed once: its tokens, syntactic root, governing verb and
    that verb's subject (``None`` when the subject is the quantity itself, another quantity or an
    expletive)."""

    state: DocState
    sentence: SentenceInfo
    index: int
    quantity: dict
    tokens: frozenset[int]
    root: Optional[Token]
    verb: Optional[Token]
    subject: Optional[Token]

    @property
    def doc(self) -> Doc:
        return self.state.doc

    @property
    def text(self) -> str:
        return self.state.text

    @classmethod
    def build(cls, st: DocState, s: SentenceInfo, qi: int) -> "QuantityContext":
        """The context of quantity ``qi`` (an index into ``st.quantities``) in sentence ``s``."""
        qtoks = frozenset(st.q_tokens.get(qi) or ())
        root = q_root(st.doc, qtoks)
        verb = governing_verb(st, root) if root is not None else None
        subj = subject_of(verb) if verb is not None else None
        if subj is not None and (subj.i in qtoks or subj.dep_ == "expl" or subj.i in st.token_q):
            subj = None
        return cls(state=st, sentence=s, index=qi, quantity=st.quantities[qi], tokens=qtoks,
                   root=root, verb=verb, subject=subj)
