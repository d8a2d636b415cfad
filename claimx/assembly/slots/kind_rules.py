"""Rules of the kind slot read from ``claimx/resources/kind_rules.json``: change verbs beyond
``cues.json``, comparatives against an earlier value, written signs, and transitive revisions
("raised its forecast ... to Y"), all by docs/GOLD.md's development-corpus conventions."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ...lexicons import read_json

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..context import SentenceInfo

__all__ = ["load_kind_rules", "comparative_direction", "signed_direction", "revision_direction", "growth_subject_direction",
           "entity_base", "modified_noun_direction", "postposed_direction", "swing_direction",
           "exceed_by", "steady_phrasal", "growth_object_direction"]


@lru_cache(maxsize=1)
def load_kind_rules() -> dict:
    """The rules of ``resources/kind_rules.json`` with compiled patterns (cached).

    :raises KeyError: when a required key is missing from the file.
    """
    raw = read_json("kind_rules.json")
    comp = "|".join(raw["comparatives"])
    bases = "|".join(raw["comparison_bases"])
    raw["comparative_re"] = regex.compile(rf"\s*(?:[a-z/]+\s+)?({comp})\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:{bases})\b")
    raw["noun_modifiers_re"] = regex.compile(r"\s*(?:-\s*)?(?:(?:" + raw["noun_modifiers"] + r")\s+){1,2}([a-z]+)\b")
    raw["postposed_re"] = regex.compile(raw["postposed_direction"])
    raw["swing_re_c"] = regex.compile("(?i)" + raw["swing_re"])
    raw["time_base_re"] = regex.compile("(?i)" + raw["time_bases"])
    tpl = raw["pattern_templates"]
    raw["revision_re"] = regex.compile(tpl["revision"].replace("{revision_verbs}", "|".join(raw["revision_verbs"])))
    exceed = "|".join(sorted(raw["exceed_verbs"], key=len, reverse=True))
    raw["exceed_re"] = regex.compile(tpl["exceed_by"].replace("{exceed_verbs}", exceed))
    raw["re"] = {name: regex.compile(pattern) for name, pattern in raw["patterns"].items() if name != "_doc"}
    raw["trail_skip_set"] = frozenset(raw["trail_skips"])
    raw["verb_pos_set"] = frozenset(raw["verb_pos"])
    raw["deps"] = {name: frozenset(labels) for name, labels in raw["dependency_classes"].items()}
    return raw


def comparative_direction(after_lower: str) -> Optional[str]:
    """Direction of a comparative right after the number that states a change against a base
    ("3% higher than", "3.1% lower in March than a year earlier", "24% more passengers than",
    "4.6% below their August peak" is read with "below ... peak" too); ``None`` otherwise.
    ``after_lower``: the lowercased text after the quantity."""
    rules = load_kind_rules()
    m = rules["comparative_re"].match(after_lower)
    if m:
        return rules["comparatives"][m.group(1)]
    m = rules["re"]["below_above_base"].match(after_lower)
    if m:
        return rules["comparatives"][m.group(1)]
    return None


def signed_direction(q: dict) -> Optional[str]:
    """"(+122,000)", "+3.2%": a written plus sign on a count or a percentage states a change (a
    minus sign does not: "a net margin of -0.53%" is a level)."""
    text = (q.get("text") or "").lstrip()
    if q.get("unit") not in (None, "%", "pp"):
        return None
    return "increase" if text.startswith("+") else None


def revision_direction(before: str, s: "SentenceInfo", q: dict) -> Optional[str]:
    """Direction of a transitive revision whose object lies between verb and number: "raised its
    full-year forecast to 10.5 million", "cut its outlook for 2026 by 0.3 points"; ``None`` when
    ``before`` (the text up to the quantity) does not end so, or another quantity stands between."""
    rules = load_kind_rules()
    m = rules["revision_re"].search(before)
    if m is None:
        return None
    start = q["start_char"] - len(before) + m.start()
    if any(start <= o["start_char"] < q["start_char"] for o in s.quantities if o is not q):
        return None
    return rules["revision_verbs"][m.group(1).lower()]


def growth_subject_direction(subject: Optional["Token"], unit: Optional[str]) -> Optional[str]:
    """Direction of a growth rate named as the subject of a percentage ("GDP growth was 2.1%",
    "The growth rate of exports reached 9%", "Annual growth in wages was 4.5%"): the growth
    noun's direction from ``growth_subjects``; ``None`` when the unit is not ``%`` or the subject is
    no growth rate. ``subject``: the governing verb's subject token (a spaCy ``Token``)."""
    if subject is None or unit != "%":
        return None
    rules = load_kind_rules()
    nouns, heads = rules["growth_subjects"], set(rules["growth_rate_heads"])
    lemma = subject.lemma_.lower()
    if lemma in nouns:
        return nouns[lemma]
    if lemma in heads:
        # "the growth rate of exports", "the pace of growth", "the annual rate of house price growth"
        for t in subject.subtree:
            if t.i != subject.i and t.lemma_.lower() in nouns and t.pos_ == "NOUN":
                return nouns[t.lemma_.lower()]
    return None


def entity_base(after: str) -> Optional[tuple[int, int]]:
    """(start, end) in ``after`` (the text after the quantity) of the base of a comparative that
    names another entity rather than an earlier time ("20% higher than in Stockholm", "60%
    cheaper than coal"); ``None`` when there is no comparative with "than", or its base is a
    time, a level, a peak or an expectation (``time_bases``)."""
    rules = load_kind_rules()
    m = rules["comparative_re"].match(after.lower())
    if m is None or not m.group(0).rstrip().endswith("than"):
        return None
    start = m.end()
    end_m = rules["re"]["entity_base_end"].search(after[start:])
    end = start + end_m.start() if end_m else len(after)
    base = after[start:end]
    if not regex.search(r"\w", base) or rules["time_base_re"].search(base) or rules["time_base_re"].search(after[:m.start(1)]):
        return None
    return start, end


def modified_noun_direction(after_lower: str, nouns: dict) -> Optional[str]:
    """Direction of a change noun after one or two modifiers ("a 3% year-on-year decline", "a
    5% annual increase"); ``nouns`` maps change nouns to directions. ``None`` otherwise."""
    m = load_kind_rules()["noun_modifiers_re"].match(after_lower)
    return nouns.get(m.group(1)) if m else None


def postposed_direction(after_lower: str) -> Optional[str]:
    """"4% up on a year ago", "3% down year on year": a direction word right after the number."""
    m = load_kind_rules()["postposed_re"].match(after_lower)
    if m is None:
        return None
    return "increase" if (m.group(1) or m.group(2)) == "up" else "decrease"


def swing_direction(before: str) -> Optional[str]:
    """"swung to an operating loss of", "turned to a profit of" at the end of ``before`` (the text
    up to the number): a change down to a loss or deficit, up to a profit or surplus."""
    rules = load_kind_rules()
    m = rules["swing_re_c"].search(before)
    return rules["swing_direction"][m.group(1).lower()] if m else None


def exceed_by(before: str) -> Optional[tuple[str, bool, int]]:
    """"exceeds the total for 2015, the previous epidemic year, by 13%": ``(direction, is_time,
    object_start)`` for a verb of ``exceed_verbs`` whose object ends in "by" at the end of
    ``before`` (the sentence up to the number); ``is_time`` when the object names an earlier time
    (a change) rather than another entity (a ratio); ``None`` otherwise."""
    rules = load_kind_rules()
    verbs = rules["exceed_verbs"]
    m = rules["exceed_re"].search(before)
    if m is None:
        return None
    obj = m.group(2)
    return verbs[m.group(1).lower()], bool(rules["time_base_re"].search(obj)), m.start(2)


def steady_phrasal(trail: list[str], i: int) -> bool:
    """True when ``trail[i]`` (a lowercased word before the number) is a change particle after a
    verb of levelling (``steady_phrasals``): "inflation levelled off at 5%" is a level, not a fall."""
    verbs = load_kind_rules()["steady_phrasals"].get(trail[i]) if i >= 0 else None
    return bool(verbs) and i > 0 and trail[i - 1] in verbs


def growth_object_direction(verb: Optional["Token"], unit: Optional[str]) -> Optional[str]:
    """Direction of a growth rate named as the object of the quantity's verb with a head of
    ``growth_rate_heads`` ("kept its growth forecast at 6.5%", "held its GDP growth projection at
    7%"); ``None`` when the unit is not ``%`` or the verb has no such object."""
    if verb is None or unit != "%":
        return None
    rules = load_kind_rules()
    objects = rules["deps"]["direct_object"]
    for c in verb.children:
        if c.dep_ in objects and c.lemma_.lower() in rules["growth_rate_heads"]:
            found = growth_subject_direction(c, unit)
            if found is not None:
                return found
    return None
