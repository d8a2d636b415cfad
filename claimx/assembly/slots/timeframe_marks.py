"""Small tests of the timeframe slot on one time phrase (claimx/assembly/slots/timeframe.py): a
year inside a name, an ordinal period counting a streak, a phrase that labels the next figure, a
comparison base closed before the phrase, a gapped conjunct, a later clause of its own, an end point right after the phrase; and the slot's compiled rules (``slot_rules`` of
``claimx/resources/timeframes_context.json``)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ..passes.periods import load_rules
from ..words import compiled

if TYPE_CHECKING:
    from ..context import QuantityContext

__all__ = ["slot_rules", "name_year", "streak", "labels_next_figure", "base_closed_before", "gapped_conjunct",
           "in_later_clause", "previous_part", "end_point_after", "currency_base"]


@lru_cache(maxsize=1)
def slot_rules() -> dict:
    """The ``slot_rules`` of ``timeframes_context.json``: patterns compiled, lists as frozensets,
    ``deps`` (dependency class name -> frozenset of spaCy labels)."""
    raw = load_rules()["raw"]["slot_rules"]
    out = {k: regex.compile(raw[k]) for k in ("report_between", "comparison_base_before", "to_between", "to_or_at_after",
                                               "labels_next_figure", "own_period_after_base", "year_levels_after",
                                               "gapped_conjunct", "previous_part", "trading_gap")}
    out.update({k: frozenset(raw[k]) for k in ("finite_verb_tags", "present_tense_tags", "have_forms")})
    out["deps"] = {name: frozenset(labels) for name, labels in raw["dependency_classes"].items()}
    out["currency_base"] = regex.compile(raw["currency_base"].replace("{currency_after}", raw["currency_after"]))
    return out


_BARE_YEAR = regex.compile(r"(?:19|20)\d\d")
_CAPITALISED_BEFORE = regex.compile(r"(\p{Lu}[\w-]*)\s+$")
_COMMA_WORD = regex.compile(r",\s*\w")
_TWO_WORDS_AT_MOST = regex.compile(r"[\s,]*(?:[^\W\d]+\s*){0,2}")


def name_year(text: str, t: dict) -> bool:
    """True when ``t`` is a bare year right after a capitalised word that is no month, weekday or
    period word ("Vision 2030", "Horizon 2020", "Euro 2024": a name; ``name_year`` in the rules)."""
    if not _BARE_YEAR.fullmatch(t["text"]):
        return False
    m = _CAPITALISED_BEFORE.search(text[max(0, t["start_char"] - 30):t["start_char"]])
    if m is None:
        return False
    word = m.group(1).lower()
    rules = load_rules()
    return word not in rules["months"] and word not in rules["raw"]["weekdays"] and word not in rules["raw"]["name_year"]["exempt"]


def streak(text: str, t: dict) -> bool:
    """True when ``t`` is an ordinal period that counts a streak ("contracted for a second
    quarter", "the third month in a row"; ``streak`` in ``timeframes_context.json``)."""
    raw = load_rules()["raw"]["streak"]
    if not compiled("(?i)" + raw["phrase"]).match(t["text"]):
        return False
    return bool(compiled("(?i)" + raw["before"]).search(text[max(0, t["start_char"] - 12):t["start_char"]])
                or compiled("(?i)" + raw["after"]).match(text[t["end_char"]:t["end_char"] + 20]))


def labels_next_figure(ctx: "QuantityContext", t: dict) -> bool:
    """True when ``t`` labels the next figure of the sentence, another than ``ctx``'s ("..., with
    Q1 at 6.9%, Q2 at 6.3%": Q2 dates 6.3%, not 6.9%; ``labels_next_figure`` in the rules)."""
    nxt = next((o for o in ctx.sentence.quantities if o["start_char"] >= t["end_char"]), None)
    return nxt is not None and nxt is not ctx.quantity and t["start_char"] >= ctx.quantity["end_char"] \
        and bool(slot_rules()["labels_next_figure"].fullmatch(ctx.state.text, t["end_char"], nxt["start_char"]))


def base_closed_before(ctx: "QuantityContext", lo: int, t: dict) -> bool:
    """True when another time phrase between ``lo`` (a comparison marker's end) and ``t`` is the
    marker's whole base, with only spaces or a comma after it ("rose 3.2% from a year earlier in
    October": "a year earlier" is the base, October the claim's month)."""
    text = ctx.state.text
    if not slot_rules()["own_period_after_base"].match(t["text"]):
        return False
    # nothing between the base and the phrase, or a comma and words of a new clause part ("Compared
    # with 2019, emissions in 2024 ..."; a bare ", " is an appositive of the base); a base year's
    # "levels" is part of the base ("20% below 2005 levels in 2024")
    return any(lo <= r["start_char"] and r["end_char"] <= t["start_char"] and r is not t
               and (not text[_base_end(text, r, t["start_char"]):t["start_char"]].strip()
                    or _COMMA_WORD.match(text[r["end_char"]:t["start_char"]].lstrip())
                    or _end_point_between(ctx, r["end_char"], t["start_char"]))
               for r in ctx.sentence.timeframes)


def _base_end(text: str, r: dict, hi: int) -> int:
    """Where the base time phrase ``r`` ends: after its "levels"/"figures" (``year_levels_after``)
    when that follows before ``hi``, else at its own end."""
    m = slot_rules()["year_levels_after"].match(text, r["end_char"], hi)
    return m.end() if m is not None else r["end_char"]


def _end_point_between(ctx: "QuantityContext", a: int, b: int) -> bool:
    """True when ``text[a:b]`` is only an end point (``to_or_at_after``, one quantity of the sentence
    and at most two words it counts): "rose 5% from a year earlier | to $30 billion | in October"."""
    text = ctx.state.text
    for o in ctx.sentence.quantities:
        if a <= o["start_char"] and o["end_char"] <= b and _TWO_WORDS_AT_MOST.fullmatch(text[o["end_char"]:b]):
            m = slot_rules()["to_or_at_after"].match(text, a, o["start_char"])
            return m is not None and not text[m.end():o["start_char"]].strip()
    return False


def gapped_conjunct(ctx: "QuantityContext", owner: dict) -> bool:
    """True when ``owner`` heads a verbless conjunct right after ``ctx``'s quantity, its verb gapped
    ("rose 4% and wages 3%", "grew 6%, while imports 2%"): no verb or auxiliary between the two."""
    st, q = ctx.state, ctx.quantity
    gap = st.text[q["end_char"]:owner["start_char"]]
    if not slot_rules()["gapped_conjunct"].search(gap):
        return False
    span = st.doc.char_span(q["end_char"], owner["start_char"], alignment_mode="contract")
    return span is not None and not any(tok.pos_ in ("VERB", "AUX") for tok in span)


def in_later_clause(ctx: "QuantityContext", t: dict) -> bool:
    """True when time phrase ``t`` (after the quantity) sits in an adverbial clause with its own
    subject, opened by one of ``own_clause_marks_after``, that does not hold the quantity ("expect
    the rate to stay at 4.25% after it rose to that level in 2023")."""
    root = ctx.root
    span = ctx.state.doc.char_span(t["start_char"], t["end_char"], alignment_mode="expand")
    if root is None or span is None:
        return False
    marks = set(load_rules()["raw"]["slot_rules"]["own_clause_marks_after"])
    subj = slot_rules()["deps"]["subject_or_expletive"]
    tok = span[0]
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.dep_ == "advcl" and tok.i > root.i and root.i not in {x.i for x in tok.subtree}:
            return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children) and any(
                c.dep_ in subj for c in tok.children)
    return False


def previous_part(ctx: "QuantityContext", t: dict) -> Optional[str]:
    """The value of "the previous quarter" (``t``; a half where the pattern reads one) counted from the part named
    before it in the sentence ("in the third quarter of 2024, after 0.2% in the previous quarter"
    -> "2024-Q2"; "XXXX-Q1" -> "XXXX-Q4"), else ``None`` (``previous_part`` in the rules)."""
    m = slot_rules()["previous_part"].search(t.get("text") or "")
    if m is None:
        return None
    code = "Q" if m.group(1).lower() == "quarter" else "H"
    parts = 4 if code == "Q" else 2
    named = []
    for r in ctx.sentence.timeframes:
        year, sep, part = (r.get("value") or "").partition(f"-{code}")
        if r is not t and r["end_char"] <= t["start_char"] and sep and len(year) == 4 and part.isdigit() \
                and 1 <= int(part) <= parts:
            named.append((year, int(part)))
    if not named:
        return None
    year, n = named[-1]
    n -= 1
    if n == 0:  # the last part of the year before; an unknown year stays unknown
        n, year = parts, (f"{int(year) - 1:04d}" if year.isdigit() else year)
    return f"{year}-{code}{n}"


def end_point_after(text: str, t: dict, q: dict) -> bool:
    """True when only an end point's "to"/"at" (``to_or_at_after``, perhaps after a comparison base
    such as "from a year earlier") stands between time phrase ``t`` and quantity ``q``: "fell 4% in
    2023 compared with a year earlier, to $20 billion" (the period of the change is the end point's)."""
    if t["end_char"] > q["start_char"]:
        return False
    m = slot_rules()["to_or_at_after"].match(text, t["end_char"], q["start_char"])
    return m is not None and not text[m.end():q["start_char"]].strip()


def currency_base(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` is "against" and a currency ("weakened 5% against the dollar | in
    2024": ``currency_after``), the base of an exchange rate at the same time, not of a period."""
    return slot_rules()["currency_base"].fullmatch(text, a, b) is not None
