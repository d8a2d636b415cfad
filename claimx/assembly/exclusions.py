"""Hard exclusions for the entity and metric slots: what is never the entity or the metric of a claim.

A mention is excluded when it is (reason in brackets):

* empty, or overlaps the claim's own quantity, its unit or currency ("US" of "US$48 billion"), or
  another quantity ("7.0 percent" as the metric of "2.3 million tonnes") [quantity];
* as a whole a unit or currency word ("TWh", "MW", "yuan", "kronor", "EUR", "€") [unit];
* as a whole a pronoun or relative ("which", "this", "they") [pronoun];
* a lone light or change verb (only VERB/AUX tokens with particles/prepositions/adverbs, the verb a
  light verb or a change verb: "cover", "pushed up"); a verb that names the measure ("lasted",
  "cost", "peaks at") may be the metric, as docs/GOLD.md allows [verb];
* a date or time (every token in a time expression or a DATE/TIME entity, or only date words) [date];
* inside the claim's attribution ("the OECD" of "according to the OECD"), unless the source is the
  subject of the quantity's own verb and forecasts itself ("Walmart now expects net sales ..." names
  the forecaster: docs/GOLD.md, development-corpus conventions; not "The OECD expects inflation ...",
  see :func:`third_party_forecast`), or the metric is the source's own by a possessive pronoun
  ("Toyota said that its global output increased") [attribution];
* a person inside any attribution cue of the sentence: the speaker [speaker].

The word lists are ``resources/slot_exclusions.json``; units and currencies are the quantity
grammar's (``resources/units.json``, ``resources/currencies.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..grammar.units import CURRENCY_NAMES, CURRENCY_SYMBOLS, ISO_CODES, lookup_unit
from ..lexicons import read_json
from .mentions import mention
from .words import pattern, word_class

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import DocState, QuantityContext

_ARTICLE = pattern("leading_article")
_DANGLING = word_class("dangling_prepositions")
#: a year, fiscal year, quarter or half, or a decade ("FY24", "2025/26", "Q1 2025", "1990s")
_YEARLIKE = pattern("year_like")


@dataclass(frozen=True)
class Exclusions:
    """The word classes of ``slot_exclusions.json`` (lower case, frozen)."""

    pronouns: frozenset[str]
    relatives: frozenset[str]
    verb_pos: frozenset[str]
    verb_companion_pos: frozenset[str]
    date_labels: frozenset[str]
    person_labels: frozenset[str]
    date_words: frozenset[str]
    unit_symbols: frozenset[str]
    light_verbs: frozenset[str]
    own_account_words: frozenset[str]


@lru_cache(maxsize=1)
def load_exclusions() -> Exclusions:
    """Load ``claimx/resources/slot_exclusions.json`` once.

    :raises KeyError: when a list is missing; ``ValueError`` for a word that is not lower case.
    """
    raw = read_json("slot_exclusions.json")
    out = {}
    for name in Exclusions.__dataclass_fields__:
        words = raw[name]
        if name.endswith("_pos") or name.endswith("_labels") or name == "unit_symbols":
            out[name] = frozenset(words)
            continue
        bad = [w for w in words if w != w.lower() or not w.strip()]
        if bad:
            raise ValueError(f"slot_exclusions.json {name}: words must be lower case and non-empty: {bad}")
        out[name] = frozenset(words)
    return Exclusions(**out)


def is_unit_word(text: str) -> bool:
    """True when ``text`` as a whole is a unit or a currency (symbol, ISO code or name)."""
    t = text.strip()
    if not t:
        return False
    if lookup_unit(t) is not None or t in CURRENCY_SYMBOLS or t in ISO_CODES or t in load_exclusions().unit_symbols:
        return True
    return t.lower() in CURRENCY_NAMES


def _bare(text: str) -> str:
    return _ARTICLE.sub("", " ".join(text.split())).lower()


@lru_cache(maxsize=4096)
def text_reason(text: str) -> Optional[str]:
    """The reason a mention text is excluded on its words alone (unit, pronoun, date), or ``None``
    (a function of the text and the packaged word lists alone: cached)."""
    ex = load_exclusions()
    bare = _bare(text)
    if not bare:
        return "quantity"
    if is_unit_word(text) or (bare != text.lower() and is_unit_word(bare)):
        return "unit"
    # "US" is a country, "us" a pronoun
    if (bare in ex.pronouns or bare in ex.relatives) and not (len(text.strip()) > 1 and text.strip().isupper()):
        return "pronoun"
    if all(w in ex.date_words or _YEARLIKE.match(w) for w in bare.split()) or _YEARLIKE.match(bare):
        return "date"
    return None


def is_lone_light_verb(toks: list["Token"], change_verbs=()) -> bool:
    """True when ``toks`` are only a verb with particles, prepositions or adverbs ("pushed up",
    "cover") and that verb is a light verb or a change verb (it does not name the measure)."""
    ex = load_exclusions()
    verbs = [t for t in toks if t.pos_ in ex.verb_pos]
    if not verbs or not all(t.pos_ in ex.verb_companion_pos for t in toks):
        return False
    return any(t.lemma_.lower() in ex.light_verbs or t.lower_ in change_verbs or t.lemma_.lower() in change_verbs
               for t in verbs)


def _tokens(ctx: "QuantityContext", m: dict) -> list["Token"]:
    return list(ctx.state.span_tokens(m["start_char"], m["end_char"]))


def _overlaps(a: Optional[dict], b: Optional[dict]) -> bool:
    return bool(a and b and a.get("start_char") is not None and b.get("start_char") is not None
                and a["start_char"] < b["end_char"] and b["start_char"] < a["end_char"])


def trim_quantity(text: str, m: Optional[dict], q: dict) -> Optional[dict]:
    """``m`` without the quantity ``q`` it overlaps ("45 times the records" -> "the records"): the
    longer side of the mention outside the quantity, trimmed; ``m`` itself when they do not overlap."""
    if not _overlaps(m, q) or m.get("inferred"):
        return m
    before = mention(text, m["start_char"], q["start_char"]) if m["start_char"] < q["start_char"] else None
    after = mention(text, q["end_char"], m["end_char"]) if m["end_char"] > q["end_char"] else None
    side = max((x for x in (before, after) if x), key=lambda x: x["end_char"] - x["start_char"], default=None)
    if side is None:
        return None
    # a dangling preposition left at an edge ("operating loss of")
    words = side["text"].split()
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    while words and words[0].lower() in _DANGLING:
        words.pop(0)
    if not words:
        return None
    start = side["start_char"] + side["text"].index(words[0])
    end = side["start_char"] + side["text"].rindex(words[-1]) + len(words[-1])
    return mention(text, start, end)


def third_party_forecast(ctx: "QuantityContext", claim: dict) -> bool:
    """True when ``claim``'s attribution is a forecaster's expectation (it overlaps a hedge cue of the
    sentence: "The OECD expects", "BNEF expects") whose metric names nothing of a firm's own accounts
    (``own_account_words`` of ``resources/slot_exclusions.json``): the forecaster forecasts another
    thing ("inflation", "the average pack price", "demand"), so it is the source, not the entity.
    "Walmart now expects net sales to grow 4.8%" forecasts itself (False)."""
    attr, metric = claim.get("attribution"), claim.get("metric")
    if not attr or attr.get("start_char") is None or not any(_overlaps(attr, h) for h in ctx.sentence.hedges):
        return False
    if not metric:
        return True
    own = load_exclusions().own_account_words
    words = {w.lower() for w in metric.get("text", "").split()}
    if metric.get("start_char") is not None:
        words |= {t.lemma_.lower() for t in _tokens(ctx, metric)}
    return not (words & own)


def _own_report(ctx: "QuantityContext", claim: dict) -> bool:
    """True when the claim's metric is the source's own, by a possessive pronoun ("Toyota said that
    its global output increased by 10%"): the source is then also what the figure is about."""
    metric = claim.get("metric")
    if not metric or metric.get("start_char") is None:
        return False
    toks = _tokens(ctx, metric)
    if not toks:
        return False
    ex = load_exclusions()
    near = list(toks) + list(toks[0].head.children) + ([ctx.doc[toks[0].i - 1]] if toks[0].i > 0 else [])
    return any(t.dep_ == "poss" and t.lower_ in ex.pronouns for t in near)


def exclusion_reason(ctx: "QuantityContext", claim: dict, slot: str, m: Optional[dict] = None) -> Optional[str]:
    """Why mention ``m`` (default: ``claim[slot]``) may not be the ``slot`` ("entity"/"metric") of
    ``claim`` (a claim dict of ``ctx``'s quantity, offsets in ``ctx.doc``), or ``None`` when it may.

    A carried-over entity (``inferred``, offsets elsewhere in the paragraph) is judged on its words.
    """
    m = claim.get(slot) if m is None else m
    if not m:
        return None
    reason = text_reason(m.get("text") or "")
    if reason is not None:
        return reason
    if m.get("inferred") or m.get("start_char") is None:
        return None
    q = claim["quantity"]
    if _overlaps(m, q):
        return "quantity"
    reason, possessed, person = _span_facts(ctx.state, m["start_char"], m["end_char"])
    if reason is not None:
        return reason
    attr = claim.get("attribution")
    if _overlaps(m, attr) and not possessed:
        # (a possessor inside the source, "the company" of "the company's chief executive said",
        # is the speaker's organisation, not the source)
        subj = ctx.subject
        # "Walmart now expects net sales to grow 4.8%": a forecaster named as the subject of the
        # expectation is the attribution and may be the entity (docs/GOLD.md)
        forecaster = slot == "entity" and any(_overlaps(attr, h) for h in ctx.sentence.hedges) \
            and m["end_char"] <= max(h["start_char"] for h in ctx.sentence.hedges if _overlaps(attr, h))
        if (not forecaster or third_party_forecast(ctx, claim)) and not _own_report(ctx, claim):
            return "attribution"
    if person and any(_overlaps(m, a) for a in ctx.sentence.attributions):
        return "speaker"
    return None


def _span_facts(st: "DocState", start: int, end: int) -> tuple[Optional[str], bool, bool]:
    """What :func:`exclusion_reason` reads of the tokens of the span ``start..end`` alone, worked out
    once per span and window (the same spans are judged for every quantity and both slots):
    ``(reason, followed by a possessive "'s", has a person token)``; ``reason`` is "quantity" (no
    word tokens, or a token of a quantity), "verb" or "date" (see the module docstring), or ``None``."""
    key = (start, end)
    facts = st.exclusion_cache.get(key)
    if facts is None:
        facts = st.exclusion_cache[key] = _work_out_span_facts(st, start, end)
    return facts


def _work_out_span_facts(st: "DocState", start: int, end: int) -> tuple[Optional[str], bool, bool]:
    ex = load_exclusions()
    toks = [t for t in st.span_tokens(start, end) if not t.is_punct and not t.is_space]
    if not toks:
        return "quantity", False, False
    if any(t.i in st.token_q for t in toks):
        # another quantity of the sentence ("7.0 percent", "2.3 million tonnes")
        return "quantity", False, False
    if is_lone_light_verb(toks, st.cues.change_verb_direction):
        return "verb", False, False
    if all(t.i in st.time_tokens or t.ent_type_ in ex.date_labels for t in toks):
        return "date", False, False
    after = st.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(st.doc) else None
    return None, after is not None and after.tag_ == "POS", any(t.ent_type_ in ex.person_labels for t in toks)
