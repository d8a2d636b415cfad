"""Modality cues beyond ``cues.json`` and the scope rules of the modality slot, read from
``claimx/resources/modality_rules.json`` (docs/GOLD.md's development-corpus conventions)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Optional

import regex

from ...lexicons import read_json
from .kind_rules import comparative_direction
from ..pattern_needles import first_needle, last_needle, needle_text, needles

if TYPE_CHECKING:
    from ..context import DocState, QuantityContext, SentenceInfo

__all__ = ["load_modality_rules", "extra_cues", "before_starts", "after_lasts", "estimate_over_modal", "crosses_report_clause", "intention_modalities", "restates",
           "governing_cue", "out_of_scope", "revision_on_its_own", "report_after",
           "present_appositive", "dated_appositive", "coordinated_infinitive", "usable_hedges"]


@lru_cache(maxsize=1)
def load_modality_rules() -> dict:
    """The rules of ``resources/modality_rules.json`` with compiled patterns (cached).

    :raises KeyError: when a required key is missing from the file.
    """
    raw = read_json("modality_rules.json")
    for side in ("after", "before"):
        for r in raw[side]:
            r["re"] = regex.compile("(?i)" + r["pattern"])
    # the words one of which every match of a "before" pattern holds (claimx.assembly.pattern_needles; None: always run)
    raw["before_needles"] = tuple(needles(r["pattern"]) for r in raw["before"])
    raw["after_needles"] = tuple(needles(r["pattern"]) for r in raw["after"])
    raw["report_re"] = regex.compile("(?i)" + raw["report_clause"])
    raw["report_conjunct_re"] = regex.compile(raw["report_conjunct"])
    raw["estimate_clause_re"] = regex.compile(raw["estimate_clause"])
    raw["restatement_boundary_re"] = regex.compile(raw["restatement_boundary"])
    raw["deps"] = {name: frozenset(labels) for name, labels in raw["dependency_classes"].items()}
    raw["comparison_base_re"] = regex.compile(raw["comparison_base_lead"])
    raw["base_after_figure_re"] = regex.compile(raw["base_after_figure"])
    raw["past_base_lead_re"], raw["past_base_tail_re"] = regex.compile(raw["past_base_lead"]), regex.compile(raw["past_base_tail"])
    raw["revision_subject_re"] = regex.compile(raw["revision_subject_between"])
    verbs = "|".join(sorted(raw["report_after_verbs"], key=len, reverse=True))
    raw["present_appositive_re"] = tuple(regex.compile(x) for x in raw["present_appositive"])
    raw["dated_appositive_re"] = tuple(regex.compile(x) for x in raw["dated_appositive"])
    raw["report_after_re"] = regex.compile(raw["report_after"].replace("{verbs}", verbs))
    raw["report_after_needles"] = needles(raw["report_after"].replace("{verbs}", verbs))
    return raw


def intention_modalities() -> frozenset[str]:
    """Modalities of intention cues ("plans to") that do not hedge their own subject."""
    return frozenset(load_modality_rules()["intention_modalities"])


def extra_cues(text: str, lo: int, hi: int, q: dict, sentence: Optional["SentenceInfo"] = None) -> list[dict]:
    """Cues for quantity ``q`` in the sentence ``text[lo:hi]`` that ``cues.json`` lacks, as hedge
    dicts (``text, start_char, end_char, modality, negated``). A cue after the number carries
    ``after_of`` = the quantity's start (it hedges that quantity only). With ``sentence`` (the
    :class:`SentenceInfo` of ``text[lo:hi]``), a "before" pattern that cannot start before the
    quantity (:func:`before_starts`, worked out once per sentence) is not run, nor an "after" one
    that cannot hold its words after it (:func:`after_lasts`): the same cues."""
    rules = load_modality_rules()
    out: list[dict] = []
    lasts = after_lasts(text, sentence) if sentence is not None else None
    qe = q["end_char"]
    for i, r in enumerate(rules["after"]):
        if lasts is not None and lasts[i] < qe:
            continue
        m = r["re"].match(text, qe, hi)
        if m:
            out.append({"text": m.group(1), "start_char": m.start(1), "end_char": m.end(1), "modality": r["modality"],
                        "negated": False, "after_of": q["start_char"], "names_the_figure": r.get("names_the_figure", False)})
    starts = before_starts(text, sentence) if sentence is not None else None
    qs = q["start_char"]
    for i, r in enumerate(rules["before"]):
        if starts is not None and starts[i] >= qs:
            continue
        m = r["re"].search(text, lo, qs)
        if m:
            out.append({"text": m.group(1), "start_char": m.start(1), "end_char": m.end(1), "modality": r["modality"],
                        "negated": False})
    return out


def _needle_text(text: str, s: "SentenceInfo") -> Optional[str]:
    """Sentence ``s`` of ``text`` as the needles are looked up in (:func:`claimx.assembly.pattern_needles.needle_text`), kept on ``s``."""
    cache = s.needle_cache
    if "text" not in cache:
        cache["text"] = needle_text(text[s.start:s.end])
    return cache["text"]


def _needle_offsets(text: str, s: "SentenceInfo", key: str) -> list[float]:
    """The offsets of :func:`before_starts` (``key`` "before": where a needle of each pattern first
    starts) or :func:`after_lasts` ("after": where one last starts) in sentence ``s``, kept on ``s``;
    for a sentence without a needle test every pattern gets the bound that runs it."""
    cache = s.needle_cache
    if key not in cache:
        found = load_modality_rules()[f"{key}_needles"]
        low = _needle_text(text, s)
        if low is None:
            cache[key] = [float("-inf") if key == "before" else float("inf")] * len(found)
        else:
            at = first_needle if key == "before" else last_needle
            cache[key] = [at(low, n) + s.start for n in found]
    return cache[key]


def before_starts(text: str, s: "SentenceInfo") -> list[float]:
    """For each "before" pattern of the rules, an offset in sentence ``s`` before which no match of
    it starts (where one of its needles first starts, :mod:`claimx.assembly.pattern_needles`; ``inf`` when none
    is in the sentence, ``-inf`` when the pattern or the sentence gives no test). Kept on ``s``."""
    return _needle_offsets(text, s, "before")


def after_lasts(text: str, s: "SentenceInfo") -> list[float]:
    """For each "after" pattern of the rules, an offset in sentence ``s`` after which no match of it
    holds one of its needles (where one last starts; ``-inf`` when none is in the sentence, ``inf``
    when the pattern or the sentence gives no test). Kept on ``s``."""
    return _needle_offsets(text, s, "after")


def _report_after_last(text: str, s: "SentenceInfo") -> float:
    """An offset in sentence ``s`` after which no match of ``report_after`` can start its verb (the
    last start of one of its needles; ``inf`` when there is no test). Kept on ``s``."""
    cache = s.needle_cache
    if "report_after" not in cache:
        low = _needle_text(text, s)
        found = load_modality_rules()["report_after_needles"]
        cache["report_after"] = last_needle(low, found) + s.start if low is not None else float("inf")
    return cache["report_after"]


def estimate_over_modal(text: str, hedges: list[dict], best: dict) -> dict:
    """"Toyota estimates that duties will cost it 1.45 trillion yen": an estimate verb whose
    "that" clause holds the modal is the claim's modality."""
    rules = load_modality_rules()
    verbs = set(rules["estimate_verbs"])
    for h in hedges:
        if h["end_char"] <= best["start_char"] and h is not best and h["text"].lower() in verbs \
                and rules["estimate_clause_re"].match(text[h["end_char"]:best["start_char"]]) \
                and not regex.search(r"[,;]", text[h["end_char"]:best["start_char"]]):
            return h
    return best


def crosses_report_clause(text: str, a: int, b: int) -> bool:
    """True when a reporting clause (", the OECD said,", "... and said ...") stands between a cue
    and the number."""
    rules = load_modality_rules()
    return bool(rules["report_re"].search(text, a, b) or rules["report_conjunct_re"].search(text, a, b))


def restates(st: "DocState", s: "SentenceInfo", a: int, b: int) -> bool:
    """True when every clause boundary in ``text[a:b]`` is an ", or" that opens a restatement of a
    figure ("set to spend A$965 each, or A$4.4 billion in total"): the cue before it still scopes
    over the restated figure and its appositives."""
    text = st.text
    lead = load_modality_rules()["restatement_lead"]
    found = False
    for m in st.cues.boundary_re.finditer(text, a, b):
        found = True
        if not load_modality_rules()["restatement_boundary_re"].fullmatch(m.group(0)):
            return False
        if not any(o["start_char"] >= m.end() and regex.fullmatch(lead, text[m.end():o["start_char"]], regex.IGNORECASE)
                   for o in s.quantities):
            return False
    return found


def _cue_tokens(ctx: "QuantityContext", h: dict) -> list:
    doc = ctx.state.doc
    span = doc.char_span(h["start_char"], h["end_char"], alignment_mode="expand")
    return list(span) if span is not None else []


def out_of_scope(ctx: "QuantityContext", h: dict) -> bool:
    """True when cue ``h`` (before the quantity) heads a clause the quantity is not in: a participle
    or relative clause on a noun ("The merger, expected to close in 2026, values the firm at $12
    billion"), or the quantity sits in a past-tense adverbial clause of its own ("Analysts expect a
    slowdown after sales rose 5%"), or in a conjoined clause whose verb has a tense of its own
    ("expects sales to rise 5% and its shares jumped 3%", "will open 50 stores and runs 1,200")."""
    toks = _cue_tokens(ctx, h)
    if not toks or ctx.root is None:
        return False
    cue_is = {t.i for t in toks}
    head = toks[0]
    for t in toks:
        if t.head.i not in cue_is or t.head.i == t.i:
            head = t
            break
    deps = load_modality_rules()["deps"]
    for _ in range(4):
        if head.dep_ in deps["cue_to_its_verb"] and head.head.i != head.i:
            head = head.head
        elif head.dep_ == "xcomp" and head.head.i in cue_is:
            head = head.head
        else:
            break
    if head.dep_ in deps["clause_on_a_noun_or_adverbial"] and ctx.root.i not in {t.i for t in head.subtree}:
        # "The merger, expected to close in 2026, values ...", "Although sales are expected to
        # slow, the firm hired 300 workers"
        return True
    v = ctx.verb
    marks, own = load_modality_rules()["past_clause_marks"], load_modality_rules()["own_clause"]
    if v is not None and v.i not in cue_is and v.tag_ == "VBD" and (v.dep_ == "advcl" or (
            v.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in marks for c in v.children))) \
            and not cue_is & {t.i for t in v.subtree} and max(cue_is) < v.i:
        return True
    if v is not None and v.dep_ in deps["conjunct"] and not cue_is & {t.i for t in v.subtree} and max(cue_is) < v.i \
            and (v.tag_ in own["finite_tags"] or any(c.dep_ == "aux" and c.tag_ in own["finite_tags"] for c in v.children)):
        # "expects sales to rise 5% and its shares jumped 3%", "will open 50 stores and currently
        # runs 1,200", "expects ... and has hired 300 staff": a conjoined verb with a tense of its
        # own (with or without a subject of its own) states a fact the cue does not hedge
        return True
    if own_finite_clause(ctx, cue_is):
        return True
    if v is not None and v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.lower_ == "after" \
            and not cue_is & {t.i for t in v.subtree} and max(cue_is) < v.i:
        # "Prices could rise further after jumping 12% in October"
        return True
    return False


def own_finite_clause(ctx: "QuantityContext", cue_is: set) -> bool:
    """True when the quantity's verb heads a clause of its own that states a fact and does not hold
    the cue: a relative clause with a finite verb and no modal ("..., driven by China, which accounts
    for 40% of consumption"; "Exports, which rose 6% last year, are expected to grow 4%") or a
    perfect participle ("expects sales of $3 billion, having sold $2.5 billion in 2024")."""
    v = ctx.verb
    rules = load_modality_rules()
    if v is None or v.i in cue_is or (cue_is and cue_is & {t.i for t in v.subtree}):
        return False
    auxes = [c for c in v.children if c.dep_ in rules["deps"]["cue_to_its_verb"]]
    if any(a.lower_ in rules["own_clause"]["perfect_participle_aux"] for a in auxes):
        return True
    return (v.dep_ in rules["deps"]["relative_clause"] and v.tag_ in rules["own_clause"]["finite_tags"]
            and not any(a.tag_ == "MD" for a in auxes))


def base_after_figure(ctx: "QuantityContext", h: dict) -> bool:
    """True when another figure stands between cue ``h`` and the quantity and the words after it
    make the quantity that figure's comparison base ("is expected to slow to 2.1% in 2026 after 2.8%
    in 2025", "slower than the 5% growth in 2024"): the cue hedges the figure, not the base
    (``base_after_figure``, ``past_base_lead``/``past_base_tail`` of the rules)."""
    q, text = ctx.quantity, ctx.state.text
    figs = [o for o in ctx.sentence.quantities if o is not q and h["end_char"] <= o["start_char"] and o["end_char"] <= q["start_char"]]
    rules, lo = load_modality_rules(), figs[-1]["end_char"] if figs else None
    if lo is None or rules["base_after_figure_re"].match(text, lo, q["start_char"]) is not None:
        return lo is not None
    # "will rise 3%, slower than the 5% growth in 2024": a past value set against the hedged one
    return rules["past_base_lead_re"].match(text, lo, q["start_char"]) is not None \
        and rules["past_base_tail_re"].match(text, q["end_char"], ctx.sentence.end) is not None


def governing_cue(ctx: "QuantityContext") -> Optional[dict]:
    """A cue the quantity's own verb carries (``governing_verbs`` / ``governing_auxes`` of the rules
    file, by lemma): "The ministry projects a deficit of 4.1%", "The plan envisages 50 new
    stations", "commits members to cutting emissions 30%", "should grow 2%"; ``None`` otherwise.
    The verb is climbed through ``xcomp``/``pcomp``/``prep`` links, at most three steps. A passive
    verb ("is projected to hit", "are forecast at") is a cue only when a hedge phrase of the cue
    lexicon in use (``cues.json``) has its word: a lexicon without "projected" leaves it asserted.
    A figure that is the base of a comparison ("..., compared with 2.9 million tonnes in 2024") has
    no governing cue (``comparison_base_lead``)."""
    rules = load_modality_rules()
    q = ctx.quantity
    if rules["comparison_base_re"].search(ctx.state.text, max(ctx.sentence.start, q["start_char"] - 60), q["start_char"]):
        return None
    verbs, auxes = rules["governing_verbs"], rules["governing_auxes"]
    passive, climb = rules["deps"]["passive_auxiliary"], rules["deps"]["verb_to_its_governor"]
    subj = ctx.subject
    if subj is not None and subj.lemma_.lower() in rules["subject_cues"] and subj.idx < ctx.quantity["start_char"] \
            and ctx.verb is not None and ctx.verb.lemma_.lower() in rules["subject_cue_verbs"] \
            and comparative_direction(ctx.state.text[ctx.quantity["end_char"]:ctx.sentence.end].lower()) is None:
        # "The target, set in 2021, is 45% by 2030", "Its goals include 30 GW": the subject names
        # what the figure is ("The new projection is 6% higher than ...", a revision stated on its
        # own, is asserted)
        return {"text": subj.text, "start_char": subj.idx, "end_char": subj.idx + len(subj.text),
                "modality": rules["subject_cues"][subj.lemma_.lower()]}
    v = ctx.verb
    for _ in range(3):
        if v is None:
            return None
        for a in v.children:
            if a.dep_ == "aux" and a.lower_ in auxes:
                return {"text": a.text, "start_char": a.idx, "end_char": a.idx + len(a.text), "modality": auxes[a.lower_]}
        if v.pos_ == "VERB" and v.lemma_.lower() in verbs and v.idx < ctx.quantity["start_char"] \
                and (not any(a.dep_ in passive for a in v.children) or _in_cue_phrase(ctx, v.lower_)):
            return {"text": v.text, "start_char": v.idx, "end_char": v.idx + len(v.text), "modality": verbs[v.lemma_.lower()]}
        if v.dep_ not in climb or v.head.i == v.i:
            return None
        v = v.head
        if v.dep_ == "prep" and v.head.i != v.i:
            v = v.head
    return None


def _in_cue_phrase(ctx: "QuantityContext", word: str) -> bool:
    """True when ``word`` (lower case) is a word of one of the hedge phrases of the cue lexicon in use."""
    return any(word in phrase.split() for phrase in ctx.state.cues.hedge_modality)


def revision_on_its_own(ctx: "QuantityContext", h: dict) -> bool:
    """True when cue ``h`` is a noun of ``subject_cues`` ("estimate", "forecast") that is the
    subject of a copula before the quantity, and a comparative follows the quantity ("The revised
    estimate is A$100 million higher than before"): a revision stated on its own is asserted."""
    rules = load_modality_rules()
    text, q = ctx.state.text, ctx.quantity
    if h["text"].lower() not in rules["subject_cues"] or not rules["revision_subject_re"].fullmatch(text, h["end_char"], q["start_char"]):
        return False
    return comparative_direction(text[q["end_char"]:ctx.sentence.end].lower()) is not None


def report_after(ctx: "QuantityContext") -> Optional[dict]:
    """The verb of a reporting clause that ends the quantity's sentence with an estimate or a
    forecast ("Roughly 3,000 homes were damaged, officials estimated."; ``report_after`` of the
    rules) as a hedge dict, else ``None``."""
    rules = load_modality_rules()
    if _report_after_last(ctx.state.text, ctx.sentence) < ctx.quantity["end_char"]:
        return None  # none of its verbs after the quantity
    m = rules["report_after_re"].match(ctx.state.text, ctx.quantity["end_char"], ctx.sentence.end)
    if m is None:
        return None
    return {"text": m.group(1), "start_char": m.start(1), "end_char": m.end(1),
            "modality": rules["report_after_verbs"][m.group(1).lower()]}


def present_appositive(ctx: "QuantityContext") -> bool:
    """True when the quantity is an appositive that states the present value ("Economists said
    inflation, currently 3.2%, will fall to 2.5%"; ``present_appositive`` of the rules): asserted."""
    before, after = load_modality_rules()["present_appositive_re"]
    q, s, text = ctx.quantity, ctx.sentence, ctx.state.text
    return bool(before.search(text, max(s.start, q["start_char"] - 40), q["start_char"])) \
        and after.match(text, q["end_char"], s.end) is not None


def dated_appositive(ctx: "QuantityContext") -> bool:
    """True when the quantity is an appositive with its own period before the sentence's verb
    ("The jobless rate, 4.2% in March, is expected to rise to 4.5%"; ``dated_appositive`` of the
    rules): a value of that period, asserted whatever cue the sentence has."""
    before, after = load_modality_rules()["dated_appositive_re"]
    q, s, text = ctx.quantity, ctx.sentence, ctx.state.text
    return bool(before.search(text, max(s.start, q["start_char"] - 12), q["start_char"])) \
        and after.match(text, q["end_char"], s.end) is not None


def coordinated_infinitive(ctx: "QuantityContext", h: dict) -> bool:
    """True when the quantity's verb is an infinitive conjoined to cue ``h``'s verb ("The agency
    expects the surplus to shrink to 2 mb/d, and stocks to rise by 100 million barrels"): the cue
    governs it across the ", and" (``coordinated_infinitive`` of the rules: tag and marker)."""
    v = ctx.verb
    rules = load_modality_rules()
    spec = rules["coordinated_infinitive"]
    if v is None or v.dep_ not in rules["deps"]["conjunct"] or v.tag_ not in spec["tags"] \
            or not any(c.dep_ == "aux" and c.lower_ in spec["markers"] for c in v.children):
        return False
    return v.head.i in {t.i for t in _cue_tokens(ctx, h)}


_WORD_RE = regex.compile(r"[\w']+")


def usable_hedges(st: "DocState", s: "SentenceInfo") -> list[dict]:
    """The sentence's hedge cues without the capitalised month or name a cue word can be ("In May,
    exports rose 5%", "Will Smith's film"; ``capitalised_not_a_cue`` of the rules) and without a
    "due to" that gives a cause ("The 5% fall is due to weaker demand"; ``verb_after_cues``) and
    without a cue word read as a noun after a determiner ("in the eyes of"; ``noun_after_determiner``).
    Worked out once per sentence (kept on ``s``)."""
    if s.usable_hedges is not None:
        return s.usable_hedges
    raw = load_modality_rules()
    rules, after, noun = raw["capitalised_not_a_cue"], raw["verb_after_cues"], raw["noun_after_determiner"]
    be_to = raw["be_to_after_a_noun"]
    text = st.text
    out = []
    for h in s.hedges:
        if h["text"].lower() in noun["cues"] and _word_before(text, s.start, h["start_char"]) in noun["words"]:
            continue  # "in the eyes of investors": the noun, not the verb "eyes"
        if " ".join(h["text"].lower().split()) in be_to["cues"] and _word_before(text, s.start, h["start_char"]) in be_to["words"]:
            continue  # "The plan is to cut costs by 10%": what the plan is, not a schedule
        if " ".join(h["text"].lower().split()) in after["cues"]:
            nxt = st.doc.char_span(h["end_char"], s.end, alignment_mode="expand")
            if nxt is None or not len(nxt) or nxt[0].tag_ not in after["tags"] or nxt[0].lower_ in be_to["verbs_not"]:
                continue
        word = _WORD_RE.match(text, h["start_char"], h["end_char"])
        w = word.group(0) if word else ""
        if w[:1].isupper() and (w.lower() in rules["anywhere"] or (
                w.lower() in rules["inside_a_sentence"] and text[s.start:h["start_char"]].strip())):
            continue
        out.append(h)
    s.usable_hedges = out
    return out


def _word_before(text: str, lo: int, at: int) -> str:
    """The lower-cased word right before offset ``at`` in ``text[lo:at]`` ("" at the start)."""
    words = text[lo:at].split()
    return words[-1].lower() if words else ""
