"""The kind slot: ``level``, ``change`` (direction, start point) or ``ratio`` (reference).

Change verbs and nouns, rate words and clause boundaries come from ``resources/cues.json``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ..clauses import segment_bounds, words_before
from ..mentions import mention
from ..syntax import token_before
from .kind_endpoints import growth_after_rate
from .kind_clauses import another_clauses_change, bare_from_start, difference_across_base, elliptical_change, own_verb_between, reference
from .kind_rules import (comparative_direction, entity_base, growth_object_direction, growth_subject_direction, load_kind_rules,
                         exceed_by, modified_noun_direction, postposed_direction, revision_direction, signed_direction,
                         steady_phrasal, swing_direction)

if TYPE_CHECKING:
    from ..context import QuantityContext



@dataclass
class KindResult:
    """What the kind slot decided: ``kind``, ``change`` (``{"direction", "from_text"}``),
    ``reference`` (a mention), ``drop_unit`` (a multiplier that counts times, not a ratio) and
    ``absorbs`` (indices of quantities that are this claim's start point, or its own index when it
    is itself a start point)."""

    kind: str = "level"
    change: Optional[dict] = None
    reference: Optional[dict] = None
    drop_unit: bool = False
    absorbs: set = field(default_factory=set)


#: the words right after a quantity that may name a change ("a 5% increase in", "a 24% CAGR")
_NOUN_AFTER = regex.compile(r"\s*(?:-\s*)?([a-z]+(?:\s+[a-z]+){0,3})")


@lru_cache(maxsize=16)
def _rate_before_re(template: str, rate_metrics: str) -> "regex.Pattern":
    """The "rate metric before the quantity" pattern of ``template`` with the lexicon's rate metrics
    filled in, compiled once per lexicon (case-insensitive)."""
    return regex.compile(template.replace("{rate_metrics}", rate_metrics), regex.IGNORECASE)


#: the change verbs of a cue lexicon merged with the kind rules' own, once per lexicon (read only)
_VERBS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _change_verbs(cues) -> dict:
    """The change verbs (verb -> direction) of the cue lexicon ``cues`` and the kind rules, merged once."""
    verbs = _VERBS.get(cues)
    if verbs is None:
        verbs = _VERBS[cues] = {**cues.change_verb_direction, **load_kind_rules()["change_verbs"]}
    return verbs


def kind(ctx: "QuantityContext") -> KindResult:
    """The kind of the claim on ``ctx``'s quantity: ``ratio`` (with its reference), ``change`` (with
    direction and start point) or ``level``; and the other quantities it absorbs as its start point."""
    st, qi, q, s, root = ctx.state, ctx.index, ctx.quantity, ctx.sentence, ctx.root
    res = KindResult()
    cues = st.cues
    rules = load_kind_rules()
    verbs = _change_verbs(cues)
    unit = q.get("unit")
    after = st.text[q["end_char"]:s.end]
    after_l = after.lower()
    if unit == "x" or q.get("form") == "multiplier":
        prev = token_before(q["start_char"], s)
        if not rules["re"]["ratio_next"].match(after) and prev is not None and prev.pos_ in rules["verb_pos_set"] \
                and prev.lower_ not in verbs:
            # "the G7 met twice", "was delayed three times": how often, not a ratio
            res.drop_unit = True
            return res
        res.kind = "ratio"
        res.reference = reference(st, q, s)
        return res
    pat = rules["re"]
    m_prem = pat["premium_after"].match(after)
    if m_prem is None and pat["premium_before"].search(st.text[max(s.start, q["start_char"] - 40):q["start_char"]]):
        # "a premium of 30% over Friday's close"
        m_prem = pat["premium_base_after"].match(after)
    if m_prem and unit == "%":
        # "a 32% premium to Hallam's closing price": relative to another price at the same time
        start = q["end_char"] + m_prem.end()
        end_m = pat["ratio_reference_end"].search(st.text[start:s.end])
        res.kind = "ratio"
        res.reference = mention(st.text, start, start + end_m.start() if end_m else s.end)
        return res
    m_ratio = pat["that_of"].match(after_l)
    if m_ratio and unit in ("%", None):
        res.kind = "ratio"
        res.reference = reference(st, q, s, skip_of=True)
        return res
    # change: "from X to Y" start points are not claims of their own
    before = words_before(st, q["start_char"], s.start, 9)
    last = [w for w, _, _ in before]
    if last and last[-1] == "from" and rules["re"]["to_after_from"].match(after_l):
        # start point of a change; the end point carries it
        res.absorbs.add(qi)
        return res
    direction = None
    from_text = None
    via_to = False
    # governing change verb just before: "rose 3%", "increased by €640 million", "fell to 71.2%"
    trail = [w for w in last if w not in (",",)]
    i = len(trail) - 1
    skipped = []
    if len(trail) >= 3 and trail[-1] == "record" and trail[-2] in rules["articles"] and trail[-3] == "to":
        # "climbed to a record 51.8%": the record is the end point of the change
        trail = trail[:-2]
        i = len(trail) - 1
    while i >= 0 and (trail[i] in rules["skip_words"] or trail[i] in rules["trail_skip_set"]
                      or (trail[i] in rules["between_verb_and_number"] and skipped == ["to"])
                      or (not skipped and trail[i] in rules["particles_alone"] and i > 0 and trail[i - 1] in verbs)):
        skipped.append(trail[i])
        i -= 1
    if i >= 0:
        w = trail[i]
        if w in rules["fundraising_verbs"] and not skipped and regex.fullmatch(r"[A-Z]{3}(?:/[\w{}\[\]]+)?", unit or ""):
            # "the start-up raised $40 million": money raised is a level, not a change
            return res
        if w == "up" and i > 0 and trail[i - 1] in rules["share_phrasals"]:
            if trail[i - 1] not in verbs or regex.match(r"\s*of\b", after_l):
                # "corn made up 60% of the total": a share, not a rise
                return res
            # "hiring picked up 0.4%": a change verb with its particle, no share named after it
            skipped.append(w)
            i -= 1
            w = trail[i]
        if steady_phrasal(trail, i):  # "levelled off at 5%": a level
            return res
        if w in verbs:
            # "edged down to 5.1%": the particle gives the direction
            direction = next((verbs[p] for p in skipped if p in rules["direction_particles"]), verbs[w])
            via_to = "to" in skipped
        elif w in cues.change_noun_direction and ("of" in skipped or not skipped or set(skipped) <= set(rules["noun_skips"])):
            direction = cues.change_noun_direction[w]
    m_rev = pat["upward_revision"].search(st.text[max(s.start, q["start_char"] - 50):q["start_char"]])
    if direction is None and m_rev:
        # "an upward revision of nearly $45 billion": the size of a change
        direction = "increase" if m_rev.group(1).lower() == "upward" else "decrease"
    if direction is None and "growth" in skipped and set(skipped) - {"growth"} <= set(rules["noun_skips"]):
        # "recorded growth of 0.5%", "posted online growth above 20%": a growth rate is a change
        direction = "increase"
    # "a 5% increase in", "a 24% CAGR"
    m_noun = _NOUN_AFTER.match(after_l)
    if direction is None and m_noun:
        first_word = m_noun.group(1).split()[0]
        if first_word in cues.change_noun_direction:
            direction = cues.change_noun_direction[first_word]
        elif cues.rate_metric_re.match(m_noun.group(1)):
            direction = "increase"
    if direction is None:
        # "a 3% year-on-year decline", "a 5% annual increase"; "4% up on a year ago"
        direction = modified_noun_direction(after_l, cues.change_noun_direction) or postposed_direction(after_l)
    ex = exceed_by(st.text[s.start:q["start_char"]]) if direction is None else None
    if ex is not None:
        # "exceeds the total for 2015 by 13%" (a change); "outpaced Bergen's by 20%" (a ratio)
        if ex[1]:
            res.kind = "change"
            res.change = {"direction": ex[0], "from_text": None}
        else:
            res.kind = "ratio"
            obj_end = rules["re"]["by_before"].search(st.text[s.start:q["start_char"]])
            res.reference = mention(st.text, s.start + ex[2], s.start + obj_end.start() if obj_end else q["start_char"])
        return res
    if direction is None:
        # "swung to an operating loss of 134.1 billion yen": a change, down to a loss, up to a profit
        direction = swing_direction(st.text[max(s.start, q["start_char"] - 80):q["start_char"]])
    # "a CAGR of 13.4%", "compound annual growth rate of 21%"
    near_before = st.text[max(s.start, q["start_char"] - 60):q["start_char"]]
    is_rate = bool(_rate_before_re(rules["pattern_templates"]["rate_metric_before"], cues.rate_metric_re.pattern[2:-2]).search(near_before))
    if is_rate or (m_noun and cues.rate_metric_re.match(m_noun.group(1) or "")):
        verb_dir = None
        for w in reversed(words_before(st, q["start_char"], s.start, 12)):
            if w[0] in verbs:
                verb_dir = verbs[w[0]]
                break
        direction = verb_dir or "increase"
        if (q.get("value") or 0) < 0:
            direction = "decrease"
        res.kind = "change"
        res.change = {"direction": direction, "from_text": None}
        return res
    growth = growth_subject_direction(ctx.subject, unit) or (growth_object_direction(ctx.verb, unit) if direction is None else None)
    growth = growth or (growth_after_rate(after_l, unit) if via_to else None)  # "slow to 2% growth"
    if growth is not None and (direction is None or (via_to and not skipped[:1] == ["by"])):
        # "GDP growth was 2.1%", "revenue growth slowed to 4%": a growth rate is a change in the
        # growth noun's direction, whatever the verb does to it
        res.kind = "change"
        res.change = {"direction": "decrease" if (q.get("value") or 0) < 0 else growth, "from_text": None}
        return res
    if direction is None:
        # "up 4 points", "down 3%" handled above as verbs; "3% higher", "3.1% lower in March than a
        # year earlier", "24% more passengers than", "4.6% below their August peak"
        direction = comparative_direction(after_l)
        base = entity_base(after) if direction is not None and unit in ("%", "x") else None
        if base is not None:
            # "20% higher than in Stockholm": a difference against another entity is a ratio
            res.kind = "ratio"
            res.reference = mention(st.text, q["end_char"] + base[0], q["end_char"] + base[1])
            return res
    if direction is None:
        # "Retail trade (+122,000)", "at -1.8%": a written sign states a change
        direction = signed_direction(q)
    if direction is None:
        # "raised its operating profit forecast for 2026 to 3.4 trillion yen", "... by 100,000 units"
        direction = revision_direction(st.text[max(s.start, q["start_char"] - 120):q["start_char"]], s, q)
        if direction is not None:
            res.kind = "change"
            res.change = {"direction": direction, "from_text": None}
            return res
    seg_lo, seg_hi = segment_bounds(st, s, q["start_char"])
    if direction is None and root is not None and root.i > root.head.i and root.head.pos_ == "VERB" \
            and root.head.lower_ in verbs and root.dep_ in rules["deps"]["adverbial_modifier"] and root.i - root.head.i <= 4:
        # "cut emissions 55% by 2030": the number modifies the change verb across its object
        direction = verbs[root.head.lower_]
    if direction is None and last and last[-1] in rules["end_point_prepositions"] and root is not None:
        # "cut its annual emissions to 9 million tonnes", "cut emissions by at least 55%":
        # the preposition hangs from a change verb
        t = root.head
        if t.lower_ in rules["end_point_prepositions"] and t.head.pos_ == "VERB" and t.head.lower_ in verbs:
            direction = verbs[t.head.lower_]
            via_to = last[-1] == "to"
    if direction is None and last and last[-1] == "to":
        # "compressing the time ... from several weeks to under 72 hours"
        lead = st.text[seg_lo:q["start_char"]]
        m_ft = pat["from_to_before"].search(lead)
        if m_ft:
            for w, _, _ in reversed(words_before(st, seg_lo + m_ft.start(), seg_lo, 12)):
                if w in verbs:
                    direction = verbs[w]
                    break
            if direction is None:
                fq = [o for o in s.quantities if seg_lo + m_ft.start(1) <= o["start_char"] < q["start_char"]]
                if fq and fq[-1].get("value") is not None and q.get("value") is not None and fq[-1]["value"] != q["value"]:
                    direction = "increase" if q["value"] > fq[-1]["value"] else "decrease"
            via_to = direction is not None
    if direction is None and not (last and last[-1] == "to"):
        # "could reach $300 billion by 2026, up from $155 billion in 2023"
        for other in s.quantities:
            if other["start_char"] <= q["end_char"] or not (seg_lo <= other["start_char"] < seg_hi):
                continue
            between = st.text[q["end_char"]:other["start_char"]]
            m_up = pat["up_from_between"].search(between)
            if m_up and not any(q["end_char"] <= o["start_char"] < other["start_char"] for o in s.quantities if o is not other):
                word = (m_up.group(1) or "").lower()
                if word in rules["from_direction_words"]["increase"]:
                    direction = "increase"
                elif word in rules["from_direction_words"]["decrease"]:
                    direction = "decrease"
                elif not bare_from_start(between, q, other):
                    # "drew 888 applications from 704 local bodies": a source, not a start point
                    pass
                elif q.get("value") is not None and other.get("value") is not None and q["value"] != other["value"]:
                    direction = "increase" if q["value"] > other["value"] else "decrease"
                if direction is not None:
                    res.absorbs.add(st.quantities.index(other))
                    res.kind = "change"
                    res.change = {"direction": direction, "from_text": other["text"]}
                    return res
            break
    if direction is None and unit == "%" and elliptical_change(st, s, q, verbs):
        # "Wales led with prices up 2.1%. Northern Ireland followed with 1.3%": the same measure
        direction = "decrease" if (q.get("value") or 0) < 0 else "increase"
    if direction is None:
        return res
    from_q = None
    for other in s.quantities:
        if other is q or not (seg_lo <= other["start_char"] < seg_hi):
            continue
        pre = st.text[max(s.start, other["start_char"] - 6):other["start_char"]].lower()
        if not pre.rstrip().endswith("from"):
            continue
        if other["end_char"] <= q["start_char"]:
            # "from X to Q"
            if rules["re"]["to_between"].fullmatch(st.text[other["end_char"]:q["start_char"]]):
                from_q = other
        elif other["start_char"] - q["end_char"] < 60 and not any(
                q["end_char"] <= o["start_char"] < other["start_char"] for o in s.quantities if o is not other):
            # "eased to 2.3% in October from 2.6% in September"
            from_q = other
    if from_q is not None:
        from_text = from_q["text"]
        # the start point is carried by this claim, not emitted on its own
        res.absorbs.add(st.quantities.index(from_q))
    else:
        m_from = rules["re"]["from_start_before"].search(st.text[seg_lo:q["start_char"]])
        if m_from and via_to:
            from_text = m_from.group(1)
    if via_to and difference_across_base(st, s, q, verbs):
        return res  # "rose 6% compared with 2023, to $900 billion": the difference is stated
    if via_to:
        # "fell 0.4 pp to 2.1%", "added 850k, lifting the base to 12.4M", "climbed to 41.6%, a gain
        # of 5.3 pp": a stated difference makes the end point a level
        for other in s.quantities:
            if other is q or other is from_q or not (seg_lo <= other["start_char"] < seg_hi):
                continue
            ow_all = [w for w, _, _ in words_before(st, other["start_char"], s.start, 4)]
            ow = [w for w in ow_all if w not in rules["fillers"]]
            if other["end_char"] <= q["start_char"] and (own_verb_between(st.text[other["end_char"]:q["start_char"]], verbs)
                                                        or another_clauses_change(ctx, other)):
                # "rise 3% next year before easing to 2%", "because consumption fell by about 5%, the
                # share climbed to a record 51.8%": a second change, not the first one's end point
                continue
            if other["end_char"] <= q["start_char"]:
                if ow and ow[-1] in verbs and ow[-1] != "to":
                    return res
                if ow_all and ow_all[-1] == "by" and not any(other["end_char"] <= o["start_char"] < q["start_char"] for o in s.quantities if o is not q):
                    # "lifted wind generation by 14% to 142.1 TWh": the difference is stated
                    return res
            elif regex.fullmatch(rules["pattern_templates"]["change_noun_of_between"].replace(
                    "{change_nouns}", "|".join(cues.change_noun_direction)), st.text[q["end_char"]:other["start_char"]]):
                return res
    if from_q is not None and q.get("value") is not None and from_q.get("value") is not None and not via_to and direction is None:
        direction = "increase" if q["value"] > from_q["value"] else "decrease"
    if (q.get("value") or 0) < 0:
        direction = "decrease"
    res.kind = "change"
    res.change = {"direction": direction, "from_text": from_text}
    return res
