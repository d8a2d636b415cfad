"""What the kind slot reads around the quantity beyond its own words: the previous sentence an
elliptical percentage continues, another clause's change verb, a bare "Y from X" start point, a change
verb opening a new phrase between two quantities, and the phrase a ratio compares with (its
reference). Patterns and word lists from ``resources/kind_rules.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ..clauses import words_before
from ..mentions import mention
from ..syntax import span_root
from ..words import compiled
from .kind_rules import load_kind_rules

if TYPE_CHECKING:
    from ..context import DocState, QuantityContext, SentenceInfo


@lru_cache(maxsize=8)
def _elliptical_pattern(template: str, verbs: tuple[str, ...]) -> regex.Pattern:
    """``template`` with ``{verbs}`` replaced by the one-word ``verbs``, longest first, compiled once."""
    words = "|".join(regex.escape(w) for w in sorted(verbs, key=len, reverse=True) if " " not in w)
    return regex.compile(template.replace("{verbs}", words))


def elliptical_change(st: "DocState", s: "SentenceInfo", q: dict, verbs: dict) -> bool:
    """True when ``q`` (a bare percentage after one of ``elliptical_leads``) continues the previous
    sentence of its paragraph, which states a percentage change with a change verb or noun."""
    rules = load_kind_rules()
    text = st.text
    pattern = _elliptical_pattern(rules["pattern_templates"]["elliptical_change"], tuple(verbs))
    m_same = compiled("(?i)" + rules["elliptical_same_sentence_leads"]).search(text[max(s.start, q["start_char"] - 30):q["start_char"]])
    if m_same and pattern.search(text[s.start:q["start_char"] - 30 + m_same.start()]):
        # "grew 0.3% in the second quarter, after 0.6% in the first"
        return True
    if not compiled("(?i)" + rules["elliptical_leads"]).search(text[max(s.start, q["start_char"] - 30):q["start_char"]]):
        return False
    prev = [p for p in st.sentences if p.end <= s.start]
    if not prev or "\n" in text[prev[-1].end:s.start]:
        return False
    return bool(pattern.search(text[prev[-1].start:prev[-1].end]))


def another_clauses_change(ctx: "QuantityContext", other: dict) -> bool:
    """True when ``other`` hangs from a verb other than the quantity's own verb, and that verb has
    a subject of its own ("because consumption fell by about 5%, the share climbed to 51.8%"; not
    "added 850k, lifting the base to 12.4M", whose participle shares the subject)."""
    v, st = ctx.verb, ctx.state
    rules = load_kind_rules()
    deps = rules["deps"]
    if v is None or not any(c.dep_ in deps["subject"] for c in v.children):
        return False
    span = st.doc.char_span(other["start_char"], other["end_char"], alignment_mode="expand")
    if span is None:
        return False
    t = span_root(span)
    for _ in range(8):
        if t.pos_ in rules["verb_pos_set"] and t.dep_ not in deps["not_a_clause_verb"]:
            return t.i != v.i
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def bare_from_start(between: str, q: dict, other: dict) -> bool:
    """True when "Y from X" with no direction word reads as a change from start point X: only a
    time phrase may stand between Y and "from" ("rose to $5.4 billion in 2024 from ..."), and the
    two share a unit ("888 applications from 704 local bodies" is no change)."""
    if q.get("unit") != other.get("unit"):
        return False
    return bool(load_kind_rules()["re"]["bare_from_between"].fullmatch(between))


def own_verb_between(between: str, verbs: dict) -> bool:
    """True when ``between`` (text from an earlier quantity to this one) opens a new verb phrase
    with a change verb after a conjunction ("before easing to", "and then fell to")."""
    for m in load_kind_rules()["re"]["own_verb_between"].finditer(between):
        if m.group(2).lower() in verbs:
            return True
    return False


def reference(st: "DocState", q: dict, s: "SentenceInfo", skip_of: bool = False) -> Optional[dict]:
    """What a ratio compares with: the phrase after the quantity ("as Eastmere", "of the median income")."""
    text = st.text
    pos = q["end_char"]
    seg_end = s.end
    m = st.cues.boundary_re.search(text, pos, s.end)
    if m:
        seg_end = m.start()
    tail = text[pos:seg_end]
    # "twice as many containers as Eastmere"
    pat = load_kind_rules()["re"]
    m_as = pat["reference_as_as"].match(tail)
    if m_as:
        start = pos + m_as.end()
    else:
        m_lead = pat["reference_lead"].match(tail) if not skip_of else pat["reference_lead_after_of"].match(tail)
        start = pos + (m_lead.end() if m_lead else 0)
    end_m = pat["reference_end"].search(text[start:seg_end])
    end = start + end_m.start() if end_m else seg_end
    return mention(st.text, start, end)


def difference_across_base(st: "DocState", s: "SentenceInfo", q: dict, verbs: dict) -> bool:
    """True when ``q`` is the end point of a change whose difference the sentence states before a
    comparison base or a restatement ("Revenue rose 6% compared with 2023, to $900 billion", "fell
    3% from a year earlier to", "gained 120 points, or 1.5%, to 8,200"): a quantity right after a
    change verb, then only the base (``difference_base_between`` of the kind rules) or ", or" and
    the restated figure (``difference_restated_between``), and "to" up to ``q``. The end point is
    then a level (docs/GOLD.md)."""
    rules = load_kind_rules()
    fillers = rules["fillers"]
    for other in s.quantities:
        if other is q or other["end_char"] > q["start_char"]:
            continue
        inside = [o for o in s.quantities if o is not q and other["end_char"] <= o["start_char"] < q["start_char"]]
        if not inside:
            between = rules["re"]["difference_base_between"].fullmatch(st.text, other["end_char"], q["start_char"])
        elif len(inside) == 1:
            o = inside[0]
            between = rules["re"]["difference_restated_between"].fullmatch(
                st.text[other["end_char"]:o["start_char"]] + "Q" + st.text[o["end_char"]:q["start_char"]])
        else:
            between = None
        if not between:
            continue
        ow = [w for w, _, _ in words_before(st, other["start_char"], s.start, 4) if w not in fillers]
        if ow and ow[-1] in verbs:
            return True
    return False
