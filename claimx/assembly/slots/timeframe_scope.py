"""Which of a sentence's time phrases date a claim: the phrases the timeframe slot
(:mod:`claimx.assembly.slots.timeframe`) leaves out because they date something else -- a
comparison base ("down 15% from the 2019 level", "the highest since July 2009"), a relative clause,
the report's own day ("..., the company reported on Wednesday"), another quantity of the sentence
("from 1.1% in February"), another clause (``clause_scope`` of ``resources/timeframes_context.json``),
a streak ("fell for a fourth month") or the attribution's source ("according to the Autumn 2025
forecast").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..clauses import between_has_boundary
from ..passes.periods import grain_of, in_relative_clause, load_rules
from .modality_rules import restates
from .timeframe_marks import base_closed_before, labels_next_figure, name_year, streak
from .timeframe_marks import gapped_conjunct as _gapped_conjunct
from .timeframe_marks import in_later_clause as _in_later_clause
from .timeframe_marks import slot_rules as _slot_rules

if TYPE_CHECKING:
    from ..context import QuantityContext


_SHORT_TO_COMMA = regex.compile(r"[^,;]{0,25},")
_COMMA_OR_SEMICOLON = regex.compile(r"[,;]")
_APPOSITIVE_LEAD = regex.compile(r"\s*[,(]\s*(?:[\w'’-]+\s+){0,4}")
_WORD = regex.compile(r"[\w'’-]+")


@lru_cache(maxsize=1)
def time_patterns() -> tuple:
    """The compiled patterns of ``resources/timeframes_context.json``, in this order: a comparison
    base marker ("than", "from", "compared with" ...), a reporting verb ("said") ending the text
    before a phrase, a sentence-initial lead, a superlative before "since", a weekday."""
    raw = load_rules()["raw"]
    markers = "|".join(raw["base_markers"]).replace("{currency_after}", raw["slot_rules"]["currency_after"])
    base = regex.compile(r"(?i)\b(?:" + markers + r")\b")
    report = regex.compile(r"(?i)\b(?:" + "|".join(raw["report_verbs"]) + r")\s*$")
    lead = regex.compile(raw["slot_rules"]["lead_pattern"].replace("{lead}", "|".join(raw["lead_prepositions"])))
    superlative = regex.compile(r"(?i)\b(?:" + "|".join(raw["superlatives"]) + r")\b(?:\s+[\w-]+){0,3}\s*$")
    weekday = regex.compile(r"(?i)\b(?:" + "|".join(raw["weekdays"]) + r")\b")
    return base, report, lead, superlative, weekday


@lru_cache(maxsize=1)
def scope_patterns() -> dict:
    """``clause_scope`` of ``resources/timeframes_context.json`` compiled case-insensitive, by name."""
    raw = load_rules()["raw"]["clause_scope"]
    return {k: regex.compile("(?i)" + v) for k, v in raw.items() if not k.startswith("_")}


def _present_tense_between(ctx: "QuantityContext", a: int, b: int) -> bool:
    """True when the first verb of ``text[a:b]`` is a finite present-tense verb (VBZ/VBP)."""
    r = _slot_rules()
    have = r["have_forms"]
    for tok in ctx.state.doc.char_span(a, b, alignment_mode="expand") or ():
        if tok.tag_ in r["finite_verb_tags"] or tok.pos_ == "VERB":
            return tok.tag_ in r["present_tense_tags"] and tok.lower_ not in have or (
                tok.lower_ in have and tok.dep_ not in r["deps"]["auxiliary"])
    return False


def _in_fronted_clause(ctx: "QuantityContext", t: dict) -> bool:
    """True when time phrase ``t`` sits in an adverbial clause before the quantity that does not
    hold it and is not a time clause ("Expected to open in 2027, the plant cost $800 million",
    "Although output fell in 2024, ..."; a clause opened by one of ``temporal_marks`` keeps it)."""
    doc, root = ctx.state.doc, ctx.root
    if root is None or t["end_char"] > ctx.quantity["start_char"]:
        return False
    span = doc.char_span(t["start_char"], t["end_char"], alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    temporal = set(load_rules()["raw"]["clause_scope_temporal_marks"])
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.dep_ == "advcl" and tok.i < root.i:
            sub = {x.i for x in tok.subtree}
            marks = [c.lower_ for c in tok.children if c.dep_ == "mark"]
            return root.i not in sub and not (set(marks) & temporal)
    return False


def other_clause(ctx: "QuantityContext", t: dict) -> bool:
    """True when time phrase ``t`` and ``ctx``'s quantity stand in different clauses (see
    ``clause_scope`` in ``timeframes_context.json``): the number in a relative or an "as"/"because"
    clause that opens after ``t``, or ``t`` in a participle phrase the number is not in."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    text = st.text
    p = scope_patterns()
    if t["end_char"] <= q["start_char"]:
        if _in_fronted_clause(ctx, t):
            return True
        between = text[t["end_char"]:q["start_char"]]
        m = p["number_relative"].search(text, max(t["end_char"], q["start_char"] - 80), q["start_char"])
        if m is not None and _present_tense_between(ctx, m.start(), q["start_char"]):
            # "Heavy rain in March cut off the mine, which lies 160 kilometres north-east of ...": a
            # relative clause in the present tense states a standing fact, not one of that period
            return True
        if p["reported_reason"].search(between):
            # "Growth will slow next year, the OECD said, as a policy rate of 15% takes its toll"
            return True
        lead = text[max(s.start, t["start_char"] - 40):t["start_char"]]
        if p["participle_before"].search(lead) and _SHORT_TO_COMMA.match(text[t["end_char"]:q["start_char"]]):
            # "The plant, opened in 2019, employs 800 people"
            return True
        return False
    if _in_later_clause(ctx, t):
        return True
    between = text[q["end_char"]:t["start_char"]]
    m = p["result_participle"].search(between)
    if m is not None and any(o is not q and o["start_char"] >= q["end_char"] + m.start() for o in s.quantities):
        # "The shares fell 6%, taking their decline this year to 18%": the phrase dates the 18%
        return True
    m = p["number_relative"].search(text, max(s.start, q["start_char"] - 80), q["start_char"])
    if m is not None and "," in between and _present_tense_between(ctx, m.start(), q["start_char"]):
        # "The mine, which lies 200 kilometres south of Perth, was shut in June"
        return True
    if p["participle_after"].search(between) and not _COMMA_OR_SEMICOLON.search(between):
        # "three times the amount installed in 2021"
        return True
    return False


def owned_by_other(ctx: "QuantityContext", t: dict) -> bool:
    """True when ``t`` follows another quantity of the sentence directly ("from 1.1% in February",
    "3.8% in 2027"): it dates that one. Not when ``ctx``'s quantity is that one's end point
    ("fell 8% in 2025 to $108")."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    text = st.text
    prev = [o for o in s.quantities if o is not q and o["end_char"] <= t["start_char"]]
    if not prev or text[prev[-1]["end_char"]:t["start_char"]].strip(" ,"):
        return False
    owner = prev[-1]
    if q["end_char"] <= owner["start_char"] and restates(st, s, q["end_char"], owner["end_char"]) \
            and not any(q["end_char"] <= o["start_char"] < owner["start_char"] for o in prev if o is not owner):
        # "rise by 17.9 million barrels a day, or roughly 18%, between 2023 and 2050": the
        # restatement and the figure it restates share the period
        return False
    if q["end_char"] <= owner["start_char"] and _slot_rules()["to_between"].search(text[q["end_char"]:owner["start_char"]]) \
            and not any(q["end_char"] <= o["start_char"] < owner["start_char"] for o in prev if o is not owner):
        # "fell 0.4 points to 2.1% in 2025": the end point's period is the change's too
        return False
    if q["end_char"] <= owner["start_char"] and _gapped_conjunct(ctx, owner) \
            and not any(q["end_char"] <= o["start_char"] < owner["start_char"] for o in prev if o is not owner):
        # "Prices rose 4% and wages 3% in 2024": the verbless conjunct shares the first one's period
        return False
    tail = text[t["end_char"]:q["start_char"]]
    if t["end_char"] <= q["start_char"] and _APPOSITIVE_LEAD.fullmatch(tail) \
            and not time_patterns()[0].search(tail):
        # "stayed at 43,500 in February, almost 40% below ...", "Rs 500 crore in 2025-26, an
        # increase of 10%": an appositive of that quantity shares its period ("X in 2024, compared
        # with Y" does not)
        return False
    return not (t["end_char"] <= q["start_char"] and _slot_rules()["to_or_at_after"].match(text[t["end_char"]:q["start_char"]]))


def right_after_a_quantity(ctx: "QuantityContext", t: dict) -> bool:
    """True when at most a few words ("respectively") stand between a quantity of the sentence
    and ``t``: "fell 4.1% and 2.7%, respectively, on Tuesday"."""
    st, s = ctx.state, ctx.sentence
    prev = [o for o in s.quantities if o["end_char"] <= t["start_char"]]
    if not prev:
        return False
    gap = st.text[prev[-1]["end_char"]:t["start_char"]]
    # "fell 4.1% and 2.7%, respectively, on Tuesday", "rose 3% in early trading on Monday"
    return (len(_WORD.findall(gap)) <= 2 or bool(_slot_rules()["trading_gap"].match(gap))) \
        and not _slot_rules()["report_between"].search(gap)


def not_the_claims(ctx: "QuantityContext", t: dict) -> bool:
    """True when time phrase ``t`` dates something other than ``ctx``'s claim: a comparison base, a
    relative clause, the report's own date, or another quantity of the sentence."""
    st, q, s = ctx.state, ctx.quantity, ctx.sentence
    text = st.text
    base_re, report_re, _, superlative_re, weekday_re = time_patterns()
    others = [o for o in s.quantities if o is not q]
    if owned_by_other(ctx, t) or labels_next_figure(ctx, t):
        return True
    if t["start_char"] >= q["end_char"]:
        # "fell 8% from 2019 levels to 700 million tonnes in 2024": read after the end point
        ends = [o["end_char"] for o in others if q["end_char"] <= o["start_char"] and o["end_char"] <= t["start_char"]
                and _slot_rules()["to_between"].search(text[q["end_char"]:o["start_char"]])]
        window = text[max([q["end_char"]] + ends):t["start_char"]]
    else:
        lo = max([s.start] + [o["end_char"] for o in others if o["end_char"] <= t["start_char"]])
        window = text[lo:t["start_char"]]
    window = window[-80:]
    # the marker may run into the phrase: "on last year's figure", "than a year ago"
    wlo = t["start_char"] - len(window)
    m = None
    for m0 in base_re.finditer(window + t["text"][:30]):
        if m0.start() < len(window) and not between_has_boundary(st, wlo + m0.end(), t["start_char"]) \
                and not base_closed_before(ctx, wlo + m0.end(), t):
            # the marker governs this phrase: no clause boundary between ("..., the most since
            # 2016, and in the first quarter of 2024 alone ...")
            m = m0
    if (m or grain_of(t.get("value")) == "Y" and _slot_rules()["year_levels_after"].match(text, t["end_char"])) \
            and t.get("relation") not in ("by", "until"):
        # a deadline is never a comparison base ("cut emissions 55% from 1990 levels by 2030");
        # "8% above 2019 levels" dates the base
        return True
    if t.get("relation") == "in" and (weekday_re.search(t["text"]) or grain_of(t.get("value")) == "D") \
            and not (right_after_a_quantity(ctx, t) and not any(
                o is not t and o.get("value") and grain_of(o["value"]) != "D" and o["end_char"] <= q["start_char"]
                for o in s.timeframes)):
        # "on Tuesday", "last Friday", "on October 31" away from the number: the day of the news
        # event, not the claim's period ("shares fell 4.1% on Tuesday" and a fronted "On 30 June,
        # ..." are kept)
        return True
    if report_re.search(window) and grain_of(t.get("value")) in ("D", None) and not t.get("anaphor"):
        # "..., the company reported on Wednesday": the report's date
        return True
    if in_relative_clause(text, t["start_char"], s.start) and not in_relative_clause(text, q["start_char"], s.start):
        return True
    if other_clause(ctx, t):
        return True
    if streak(text, t) or name_year(text, t):
        return True
    if t["start_char"] >= q["end_char"] and any(q["end_char"] <= a["start_char"] <= t["start_char"] and t["end_char"] <= a["end_char"]
                                               for a in s.attributions):
        # "..., according to the Autumn 2025 forecast": the source's date, not the claim's (an
        # attribution span that holds the number too does not count)
        return True
    if t.get("relation") == "since" and (
            superlative_re.search(text[max(s.start, t["start_char"] - 40):t["start_char"]])
            or (q["end_char"] <= t["start_char"] and not text[q["end_char"]:t["start_char"]].strip()
                and text[max(s.start, q["start_char"] - 4):q["start_char"]].rstrip().endswith(" of")
                and superlative_re.search(text[max(s.start, q["start_char"] - 40):q["start_char"]]))):
        # "the highest since July 2009", "its biggest gain of 5% since May": a record, not when it holds
        return True
    return False
