"""Claim assembly: from quantities, timeframes and cues on a parsed ``Doc`` to claim records.

For each quantity the assembly finds, from the dependency parse and the sentence around it:

* the **metric** (the noun phrase the number measures),
* the **entity** (who or what it is about; carried over from earlier sentences of the paragraph
  with ``inferred=True`` when the sentence names none),
* the **timeframe** (a sentence-initial one scopes over every clause; otherwise the nearest one in
  the quantity's own clause),
* the **modality** and **hedge** (nearest cue before the quantity in its clause),
* the **attribution** (source cue in the clause, or at the head of the sentence),
* the **kind** (``level``, ``change`` with its direction and start point, ``ratio`` with its
  reference) and a **confidence**.

Everything here returns plain dicts (serialisable, stored on ``doc._.claimx_claims_data``).
Clause boundaries are the words of ``cues.json``'s ``clause_boundaries`` (";", "while", ", and", ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex
from spacy.tokens import Doc, Span, Token

from .lexicon import CompiledCues, load_cues, load_syntax

_SYNTAX = load_syntax()
ENTITY_LABELS = _SYNTAX.entity_labels
PRONOUNS = _SYNTAX.pronouns
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Verbs whose subject is what the number measures ("revenue reached $5bn"), as opposed to
# transitive actions whose subject is the actor ("Orion operates 120 data centres").
LINKING_LEMMAS = _SYNTAX.linking_verbs
# Head nouns that name a measure of something ("market size"): the noun compounds before them
# name the thing measured.
MEASURE_HEADS = _SYNTAX.measure_heads
TIME_NOUNS = _SYNTAX.time_nouns
ANAPHORIC_NOUNS = _SYNTAX.anaphoric_nouns
_NOT_METRIC_BEFORE = _SYNTAX.not_metric_before
_ANAPHORIC_DET = _SYNTAX.anaphoric_determiners
# footnote markers that may stand between a quantity and the next word ("17.4%³ of", "42[3] of")
_FOOTNOTES = r"(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡])*"
_COMPARISON_BASE = regex.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against|as\s+against)\s*(?:an?\s+|the\s+)?$")
_LIST_NUMBER = regex.compile(r"[.)](?:\s|$)")
_PAGE_OF = regex.compile(r"(?i)\b(?:page|p\.|slide|part|step|chapter|section|item|figure|table|no\.)\s*\d+\s+(?:of|/)\s*$")
# what may follow a multiplier that compares ("twice as many", "three times the size", "12-fold that of")
_RATIO_NEXT = regex.compile(r"(?i)\s*(?:as|the|that|those|its|their|his|her|our|what|a|an|more|less|fewer|larger|higher|"
                            r"bigger|greater|faster|lower|smaller|cheaper|over|above|below|than|\p{Lu})\b")
_DURATION_UNITS = frozenset({"a", "mo", "wk", "d", "h", "min", "s"})
_DURATION_VERBS = frozenset({"last", "take", "spend", "wait", "remain", "stay", "run", "continue", "delay", "need"})
_TRIM = ",;:.—–-()[]\"'“”‘’ "


@dataclass
class SentenceInfo:
    span: Span
    start: int
    end: int
    quantities: list[dict] = field(default_factory=list)
    timeframes: list[dict] = field(default_factory=list)
    hedges: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)


def mention(doc: "Doc | str", start_char: int, end_char: int, **extra) -> Optional[dict]:
    """A mention dict for ``text[start_char:end_char]`` trimmed of spaces and edge punctuation.

    ``doc`` is a ``Doc`` or its text (pass the text in loops: ``Doc.text`` is rebuilt on each access).
    """
    text = doc if isinstance(doc, str) else doc.text
    while start_char < end_char and (text[start_char] in _TRIM or text[start_char].isspace()):
        start_char += 1
    while end_char > start_char and (text[end_char - 1] in _TRIM or text[end_char - 1].isspace()):
        end_char -= 1
    if end_char <= start_char:
        return None
    out = {"text": text[start_char:end_char], "start_char": start_char, "end_char": end_char}
    out.update(extra)
    return out


def token_mention(doc: Doc, first: int, last: int, text: Optional[str] = None, **extra) -> Optional[dict]:
    """A mention covering tokens ``first..last`` (inclusive); ``text`` is ``doc.text`` if known."""
    if last < first:
        return None
    return mention(text if text is not None else doc, doc[first].idx, doc[last].idx + len(doc[last].text), **extra)


# --------------------------------------------------------------------------------------------
# noun phrases
# --------------------------------------------------------------------------------------------
_LEFT_MOD_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod", "advmod", "npadvmod", "poss", "det", "predet", "case", "punct", "hyph", "prep"})


def np_bounds(
    tok: Token,
    *,
    keep_det: bool = False,
    keep_poss: bool = False,
    pps: tuple[str, ...] = ("of", "for"),
    exclude: frozenset[int] = frozenset(),
    max_right: Optional[int] = None,
) -> tuple[int, int]:
    """Token bounds (first, last) of the noun phrase headed by ``tok``.

    Left: the subtrees of its left modifiers (determiners and possessors only if asked). Right:
    the subtrees of prepositional children whose word is in ``pps``. Tokens in ``exclude`` (the
    quantity) cut the phrase at their edge.
    """
    first = tok.i
    for child in tok.lefts:
        if child.dep_ == "det" and not keep_det:
            continue
        if child.dep_ == "poss" and not keep_poss:
            continue
        if child.dep_ in ("nummod", "quantmod") and child.i in exclude:
            continue
        if child.dep_ not in _LEFT_MOD_DEPS and child.dep_ not in ("cc", "conj"):
            continue
        first = min(first, child.left_edge.i)
        break
    # drop leading tokens that are excluded, determiners or possessors
    while first < tok.i:
        t = tok.doc[first]
        if t.i in exclude or (not keep_det and t.dep_ in ("det", "predet")) or t.is_punct:
            first += 1
            continue
        if not keep_poss and (t.dep_ == "poss" or t.tag_ == "POS" or (t.dep_ == "case" and t.head.dep_ == "poss")):
            first = _skip_possessor(tok.doc, first, tok.i)
            continue
        break
    # any excluded token inside: start after it
    for i in range(first, tok.i):
        if i in exclude:
            first = i + 1
    last = tok.i
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in pps:
            r = child.right_edge.i
            if max_right is not None:
                r = min(r, max_right)
            # stop before a comma or an excluded token
            for j in range(child.i, r + 1):
                if tok.doc[j].text in (",", ";", "(") or j in exclude:
                    r = j - 1
                    break
            if r > child.i:
                last = max(last, r)
        elif child.dep_ == "compound" and child.i == last + 1:
            last = child.i
        else:
            break
    return first, last


def _skip_possessor(doc: Doc, first: int, head_i: int) -> int:
    """Index of the first token after a possessor phrase that starts at ``first``."""
    for j in range(first, head_i):
        if doc[j].tag_ == "POS" or doc[j].dep_ == "case" or doc[j].lower_ in ("its", "their", "his", "her", "our"):
            return j + 1
    return first + 1



# --------------------------------------------------------------------------------------------
# the assembler
# --------------------------------------------------------------------------------------------
class Assembler:
    """Builds claim dicts for one parsed ``Doc`` (one paragraph window of an article)."""

    def __init__(self, doc: Doc, quantities: list[dict], timeframes: list[dict], cues: Optional[dict] = None,
                 *, include_vague: bool = False, lexicon: Optional[CompiledCues] = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = lexicon or load_cues()
        self.include_vague = include_vague
        self.quantities = sorted(quantities, key=lambda q: q["start_char"])
        self.timeframes = sorted(timeframes, key=lambda t: t["start_char"])
        cues = cues or {}
        self.hedges = cues.get("hedges", [])
        self.attributions = cues.get("attributions", [])
        self.sentences = self._sentences()
        self._paragraph_time: Optional[str] = None
        self.q_tokens: dict[int, set[int]] = {}
        for qi, q in enumerate(self.quantities):
            span = doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
            self.q_tokens[qi] = set(range(span.start, span.end)) if span is not None else set()
        self.token_q: dict[int, int] = {t: qi for qi, ts in self.q_tokens.items() for t in ts}
        # tokens of time expressions are never entities ("a loss in H1 2025")
        self.time_tokens: set[int] = set()
        for t in self.timeframes:
            span = doc.char_span(t["start_char"], t["end_char"], alignment_mode="expand")
            if span is not None:
                self.time_tokens.update(range(span.start, span.end))

    def _tmention(self, first: int, last: int, **extra) -> Optional[dict]:
        return token_mention(self.doc, first, last, self.text, **extra)

    # -- sentence bookkeeping --------------------------------------------------------------------
    def _sentences(self) -> list[SentenceInfo]:
        sents = [SentenceInfo(s, s.start_char, s.end_char) for s in self.doc.sents] if self.doc.has_annotation("SENT_START") else [SentenceInfo(self.doc[:], 0, len(self.text))]
        # a quantity split across two parser sentences is given to the first
        for bucket, items in (("quantities", self.quantities), ("timeframes", self.timeframes),
                              ("hedges", self.hedges), ("attributions", self.attributions)):
            for it in items:
                for s in sents:
                    if s.start <= it["start_char"] < s.end:
                        getattr(s, bucket).append(it)
                        break
        return sents

    def segments(self, s: SentenceInfo) -> list[tuple[int, int]]:
        """Clause segments of a sentence, split at boundary words (end exclusive)."""
        cuts = [s.start]
        for m in self.cues.boundary_re.finditer(self.text, s.start, s.end):
            cuts.append(m.start())
        cuts.append(s.end)
        return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]

    @staticmethod
    def _segment_of(segs: list[tuple[int, int]], pos: int) -> int:
        for i, (a, b) in enumerate(segs):
            if a <= pos < b:
                return i
        return len(segs) - 1

    def _between_has_boundary(self, a: int, b: int) -> bool:
        return self.cues.boundary_re.search(self.text, a, b) is not None

    # -- main --------------------------------------------------------------------------------
    def run(self) -> list[dict]:
        out: list[dict] = []
        last_entity: Optional[dict] = None
        for s in self.sentences:
            sent_claims = []
            skip_from = set()
            q_of_sentence = [self.quantities.index(q) for q in s.quantities]
            metrics: dict[int, Optional[dict]] = {}
            for qi in q_of_sentence:
                q = self.quantities[qi]
                if self._skip(q, s):
                    continue
                claim = self._assemble(qi, q, s, metrics, skip_from)
                if claim is None:
                    continue
                sent_claims.append((qi, claim))
            self._respectively(s, sent_claims)
            self._coordinated(s, sent_claims)
            self._appositive_change(s, sent_claims)
            self._comparison_base(s, sent_claims)
            done: list[dict] = []
            topic = self._sentence_topic(s)
            for qi, claim in sent_claims:
                if qi in skip_from:
                    continue
                self._anaphoric_metric(claim, done)
                if claim.pop("_pronoun", False) and claim.get("entity") is None:
                    claim["entity"] = self._resolve_pronoun(claim, s, done, last_entity)
                if claim.get("entity") is None:
                    # an earlier claim of the same sentence names it ("..., and traffic could rise to 11 million")
                    prev = next((c["entity"] for c in reversed(done) if c.get("entity")), None)
                    if prev is not None:
                        claim["entity"] = dict(prev)
                    elif topic is not None and topic["end_char"] <= claim["quantity"]["start_char"] and not (
                            claim.get("metric") and claim["metric"]["start_char"] <= topic["start_char"] < claim["metric"]["end_char"]):
                        # the sentence's own topic ("The carrier said fuel costs fell 11%")
                        claim["entity"] = dict(topic, inferred=False)
                    elif last_entity is not None:
                        claim["entity"] = {"text": last_entity["text"], "start_char": last_entity["start_char"],
                                           "end_char": last_entity["end_char"], "inferred": True}
                if claim.get("entity") and claim["entity"].get("inferred"):
                    claim["confidence"] = round(claim["confidence"] - 0.1, 3)
                done.append(claim)
                out.append(claim)
            for t in s.timeframes:
                if t.get("value") and t.get("offset_years") is None and "/" not in t["value"]:
                    self._paragraph_time = t["value"]
            if topic is not None:
                last_entity = topic
        self._quoted_attribution(out)
        return out

    def _quote_regions(self) -> list[tuple[int, int]]:
        """(start, end) of quoted passages: curly quotes paired, straight quotes toggled."""
        regions = []
        stack: Optional[int] = None
        straight: Optional[int] = None
        for m in regex.finditer(r'[“”"]', self.text):
            ch = m.group()
            if ch == "“":
                stack = m.start()
            elif ch == "”" and stack is not None:
                regions.append((stack, m.end()))
                stack = None
            elif ch == '"':
                if straight is None:
                    straight = m.start()
                else:
                    regions.append((straight, m.end()))
                    straight = None
        return regions

    def _quoted_attribution(self, claims: list[dict]) -> None:
        """A quote that runs across sentences takes the attribution cue right before its opening
        mark ('X remarked, "..."') or right after its closing mark ('"...," X said')."""
        attributions = sorted(self.attributions, key=lambda a: a["start_char"])
        if not attributions or not claims:
            return
        for start, end in self._quote_regions():
            cue = None
            for a in attributions:
                if a["end_char"] <= start and not self.text[a["end_char"]:start].strip(" ,:;\n"):
                    cue = a
                elif a["start_char"] >= end and not self.text[end:a["start_char"]].strip(" ,:;\n"):
                    cue = cue or a
            if cue is None:
                continue
            for c in claims:
                q = c["quantity"]
                if start < q["start_char"] < end and c.get("attribution") is None:
                    c["attribution"] = {k: cue[k] for k in ("text", "start_char", "end_char")}

    def _anaphoric_metric(self, claim: dict, done: list[dict]) -> None:
        """"an industry group put the figure at $298 billion": "the figure" is the previous claim's."""
        m = claim.get("metric")
        if not done or m is None:
            return
        if regex.fullmatch(r"(?i)(?:the\s+)?(?:figure|number|total|tally|amount|estimate|sum)", m["text"]):
            prev = done[-1]
            claim["metric"] = dict(prev["metric"]) if prev.get("metric") else None
            if prev.get("entity"):
                claim["entity"] = dict(prev["entity"])

    def _comparison_base(self, s: SentenceInfo, sent_claims: list[tuple[int, dict]]) -> None:
        """"fell to 355 in 2023, compared with 530 in 2014": the base of a comparison measures the
        same thing as the claim before it."""
        for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
            between = self.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
            if _COMPARISON_BASE.search(between):
                if a.get("metric"):
                    b["metric"] = dict(a["metric"])
                own = b.get("entity")
                # keep an entity named after the base itself ("versus 6,300 kWh in Spain")
                if a.get("entity") and not (own and (own.get("start_char") or 0) > b["quantity"]["start_char"]):
                    b["entity"] = dict(a["entity"])

    def _share_trailing_metric(self, run: list[dict]) -> None:
        if len(run) < 2:
            return
        last = run[-1]
        m_of = regex.match(_FOOTNOTES + r"\s+of\s+(?:the\s+|its\s+|their\s+)?", self.text[last["quantity"]["end_char"]:])
        metric = last.get("metric")
        if not (m_of and metric):
            return
        pos_of = last["quantity"]["end_char"] + m_of.end()
        span = self.doc.char_span(pos_of, metric["end_char"], alignment_mode="expand")
        # the measure must be the object of that "of" ("of the EU's total emissions"), not a
        # verb further on ("a third of it went ...")
        if span is not None and metric["start_char"] >= pos_of and span.root.pos_ in ("NOUN", "PROPN") \
                and not any(t.pos_ in ("VERB", "AUX") for t in span):
            for c in run[:-1]:
                c["metric"] = dict(last["metric"])

    def _appositive_change(self, s: SentenceInfo, sent_claims: list[tuple[int, dict]]) -> None:
        """"generated 256 TWh in 2024, up 4.3% from the previous year": the change is of the
        claim just before it, so it takes that claim's metric and entity."""
        for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
            if b["kind"] != "change":
                continue
            between = self.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
            if regex.search(r"(?i),\s*(?:(?:an?\s+)?(?:up|down|rising|falling|increasing|decreasing|growing|declining)(?:\s+by)?|an?\s+(?:\w+\s+)?(?:"
                            + "|".join(self.cues.change_noun_direction) + r")\s+of)\s*$", between):
                if a.get("metric"):
                    b["metric"] = dict(a["metric"])
                if a.get("entity"):
                    b["entity"] = dict(a["entity"])

    def _coordinated(self, s: SentenceInfo, sent_claims: list[tuple[int, dict]]) -> None:
        """"fell 4.1% and 2.7%": a quantity coordinated with the one before shares its kind and change;
        "22%, 11% and 10% of the EU's emissions": the list shares the measure named after its last item."""
        run: list[dict] = []
        for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
            between = self.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
            if regex.fullmatch(_FOOTNOTES + r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", between):
                if not run:
                    run.append(a)
                run.append(b)
                continue
            self._share_trailing_metric(run)
            run = []
        self._share_trailing_metric(run)
        for (_, a), (_, b) in zip(sent_claims, sent_claims[1:]):
            between = self.text[a["quantity"]["end_char"]:b["quantity"]["start_char"]]
            if regex.fullmatch(_FOOTNOTES + r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+)", between) and b["kind"] == "level" and a["kind"] == "change":
                if regex.fullmatch(r"\s+to\s+", between):
                    continue
                b["kind"] = a["kind"]
                b["change"] = dict(a["change"]) if a.get("change") else None

    # -- filters -----------------------------------------------------------------------------
    def _skip(self, q: dict, s: SentenceInfo) -> bool:
        form = q.get("form")
        if form == "attributive":
            # "a 10-year bond": a property of a noun, not a statement that a number holds
            return True
        if form in ("vague", "scale_adjective") and not self.include_vague:
            return True
        # "£3.4bn over five years": a period, not a claim (but "the strike lasted over five years" is)
        if q.get("unit") in _DURATION_UNITS and regex.match(r"(?i)(?:over|within|across|during)\s", q["text"]):
            span = self.doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
            verb = self._governing_verb(span.root) if span is not None else None
            if verb is None or verb.lemma_.lower() not in _DURATION_VERBS:
                return True
        if q.get("unit") is None and q.get("form") == "digits":
            line_start = self.text.rfind("\n", 0, q["start_char"]) + 1
            if not self.text[line_start:q["start_char"]].strip() and _LIST_NUMBER.match(self.text, q["end_char"]):
                return True  # "1. Introduction", "2) Methods": list and section numbering
            if _PAGE_OF.search(self.text, max(0, q["start_char"] - 30), q["start_char"]):
                return True  # "Page 3 of 12"
        # "in the second half of 2024": part of a time expression
        if any(t["start_char"] < q["end_char"] and q["start_char"] < t["end_char"] for t in s.timeframes):
            return True
        # anaphoric repeat: "this 1.2 trillion yuan", "these two" (a determiner, not "found that 42%")
        span = self.doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
        if span is not None and span.start > 0:
            prev = self.doc[span.start - 1]
            if prev.lower_ in _ANAPHORIC_DET and prev.dep_ in ("det", "predet") and prev.head.i >= span.start:
                return True
        return False

    # -- one claim ------------------------------------------------------------------------------
    def _assemble(self, qi: int, q: dict, s: SentenceInfo, metrics: dict, skip_from: set) -> Optional[dict]:
        qtoks = self.q_tokens.get(qi) or set()
        root = self._q_root(qtoks)
        claim = {
            "kind": "level",
            "quantity": {k: q.get(k) for k in ("text", "start_char", "end_char", "value", "unit", "comparator", "lower", "upper", "base_value", "base_unit")},
            "entity": None, "metric": None, "timeframe": None, "modality": "asserted", "hedge": None,
            "attribution": None, "reference": None, "change": None,
            "sentence": mention(self.text, s.start, s.end),
            "confidence": 0.9,
        }
        if q.get("approximate"):
            claim["confidence"] = 0.4
        claim["quantity"]["comparator"] = claim["quantity"]["comparator"] or "="

        # kind: ratio / change
        self._kind(qi, q, s, root, qtoks, claim, skip_from)
        if qi in skip_from:
            return None
        metric_tok, subj_tok = self._metric(qi, q, s, root, qtoks, claim, metrics)
        metrics[qi] = claim["metric"]
        self._attribution(q, s, claim)
        self._entity(qi, q, s, root, qtoks, claim, metric_tok, subj_tok)
        self._timeframe(q, s, claim)
        self._modality(q, s, claim)
        if claim["metric"] is None:
            claim["confidence"] -= 0.2
        claim["confidence"] = round(max(0.0, min(1.0, claim["confidence"])), 3)
        return claim

    def _q_root(self, qtoks: set[int]) -> Optional[Token]:
        if not qtoks:
            return None
        doc = self.doc
        roots = [doc[i] for i in qtoks if doc[i].head.i not in qtoks or doc[i].head.i == i]
        if not roots:
            return doc[min(qtoks)]
        # prefer the syntactic head closest to the right (unit nouns head the phrase)
        return max(roots, key=lambda t: (t.dep_ not in ("punct",), t.i))

    # -- kind ------------------------------------------------------------------------------------
    def _words_before(self, pos: int, lo: int, n: int = 4) -> list[tuple[str, int, int]]:
        seg = self.text[lo:pos]
        words = [(m.group().lower(), lo + m.start(), lo + m.end()) for m in regex.finditer(r"[\w'’-]+|[,;]", seg)]
        return words[-n:]

    def _kind(self, qi, q, s, root, qtoks, claim, skip_from) -> None:
        cues = self.cues
        unit = q.get("unit")
        after = self.text[q["end_char"]:s.end]
        after_l = after.lower()
        if unit == "x" or q.get("form") == "multiplier":
            prev = self._token_before(q["start_char"], s)
            if not _RATIO_NEXT.match(after) and prev is not None and prev.pos_ in ("VERB", "AUX") \
                    and prev.lower_ not in cues.change_verb_direction:
                # "the G7 met twice", "was delayed three times": how often, not a ratio
                claim["quantity"]["unit"] = None
                return
            claim["kind"] = "ratio"
            claim["reference"] = self._reference(q, s)
            return
        m_ratio = regex.match(r"\s*(?:of\s+)?(that|those)\s+of\b", after_l)
        if m_ratio and unit in ("%", None):
            claim["kind"] = "ratio"
            claim["reference"] = self._reference(q, s, skip_of=True)
            return
        # change: "from X to Y" start points are not claims of their own
        before = self._words_before(q["start_char"], s.start, 6)
        last = [w for w, _, _ in before]
        if last and last[-1] == "from" and regex.match(r"\s*(?:\S+\s+){0,4}?to\b", after_l):
            # start point of a change; the end point carries it
            skip_from.add(qi)
            return
        direction = None
        from_text = None
        via_to = False
        # governing change verb just before: "rose 3%", "increased by €640 million", "fell to 71.2%"
        trail = [w for w in last if w not in (",",)]
        i = len(trail) - 1
        skipped = []
        while i >= 0 and trail[i] in ("by", "to", "at", "a", "an", "of", "nearly", "about", "around", "some", "roughly", "almost", "another", "further", "just", "only", "more", "than", "over", "compound", "annual", "growth", "rate", "cagr"):
            skipped.append(trail[i])
            i -= 1
        if i >= 0:
            w = trail[i]
            if w in cues.change_verb_direction:
                direction = cues.change_verb_direction[w]
                via_to = "to" in skipped
            elif w in cues.change_noun_direction and ("of" in skipped or not skipped):
                direction = cues.change_noun_direction[w]
        # "a 5% increase in", "a 24% CAGR"
        m_noun = regex.match(r"\s*(?:-\s*)?([a-z]+(?:\s+[a-z]+){0,3})", after_l)
        if direction is None and m_noun:
            first_word = m_noun.group(1).split()[0]
            if first_word in cues.change_noun_direction:
                direction = cues.change_noun_direction[first_word]
            elif cues.rate_metric_re.match(m_noun.group(1)):
                direction = "increase"
        # "a CAGR of 13.4%", "compound annual growth rate of 21%"
        near_before = self.text[max(s.start, q["start_char"] - 60):q["start_char"]]
        is_rate = bool(regex.search(r"(?:" + cues.rate_metric_re.pattern[2:-2] + r")\s+(?:of\s+)?(?:about\s+|around\s+|nearly\s+)?$", near_before, regex.IGNORECASE))
        if is_rate or (m_noun and cues.rate_metric_re.match(m_noun.group(1) or "")):
            verb_dir = None
            for w in reversed(self._words_before(q["start_char"], s.start, 12)):
                if w[0] in cues.change_verb_direction:
                    verb_dir = cues.change_verb_direction[w[0]]
                    break
            direction = verb_dir or "increase"
            if (q.get("value") or 0) < 0:
                direction = "decrease"
            claim["kind"] = "change"
            claim["change"] = {"direction": direction, "from_text": None}
            return
        if direction is None:
            # "up 4 points", "down 3%" handled above as verbs; "3% higher"
            m_adj = regex.match(r"\s*(higher|lower|more|less)\s+than\b", after_l)
            if m_adj:
                direction = "increase" if m_adj.group(1) in ("higher", "more") else "decrease"
        seg_lo, seg_hi = self._segment_bounds(s, q["start_char"])
        if direction is None and last and last[-1] in ("to", "by") and root is not None:
            # "cut its annual emissions to 9 million tonnes", "cut emissions by at least 55%":
            # the preposition hangs from a change verb
            t = root.head
            if t.lower_ in ("to", "by") and t.head.pos_ == "VERB" and t.head.lower_ in cues.change_verb_direction:
                direction = cues.change_verb_direction[t.head.lower_]
                via_to = last[-1] == "to"
        if direction is None and last and last[-1] == "to":
            # "compressing the time ... from several weeks to under 72 hours"
            lead = self.text[seg_lo:q["start_char"]]
            m_ft = regex.search(r"\bfrom\s+(.{1,60}?)\s+to\s*$", lead, regex.IGNORECASE | regex.DOTALL)
            if m_ft:
                for w, _, _ in reversed(self._words_before(seg_lo + m_ft.start(), seg_lo, 12)):
                    if w in cues.change_verb_direction:
                        direction = cues.change_verb_direction[w]
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
                between = self.text[q["end_char"]:other["start_char"]]
                m_up = regex.search(r"(?i),?\s*\b(up|down|rising|falling|higher|lower)?\s*from\s*$", between)
                if m_up and not any(q["end_char"] <= o["start_char"] < other["start_char"] for o in s.quantities if o is not other):
                    word = (m_up.group(1) or "").lower()
                    if word in ("up", "rising", "higher"):
                        direction = "increase"
                    elif word in ("down", "falling", "lower"):
                        direction = "decrease"
                    elif q.get("value") is not None and other.get("value") is not None and q["value"] != other["value"]:
                        direction = "increase" if q["value"] > other["value"] else "decrease"
                    if direction is not None:
                        skip_from.add(self.quantities.index(other))
                        claim["kind"] = "change"
                        claim["change"] = {"direction": direction, "from_text": other["text"]}
                        return
                break
        if direction is None:
            return
        from_q = None
        for other in s.quantities:
            if other is q or not (seg_lo <= other["start_char"] < seg_hi):
                continue
            pre = self.text[max(s.start, other["start_char"] - 6):other["start_char"]].lower()
            if not pre.rstrip().endswith("from"):
                continue
            if other["end_char"] <= q["start_char"]:
                # "from X to Q"
                if regex.fullmatch(r"\s*(?:\[\d+\]|[¹²³⁴-⁹⁰*†])*\s*to\s+", self.text[other["end_char"]:q["start_char"]]):
                    from_q = other
            elif other["start_char"] - q["end_char"] < 60 and not any(
                    q["end_char"] <= o["start_char"] < other["start_char"] for o in s.quantities if o is not other):
                # "eased to 2.3% in October from 2.6% in September"
                from_q = other
        if from_q is not None:
            from_text = from_q["text"]
            # the start point is carried by this claim, not emitted on its own
            skip_from.add(self.quantities.index(from_q))
        else:
            m_from = regex.search(r"\bfrom\s+((?:[\w$€£¥.,%-]+\s+){0,3}?[\w$€£¥.,%-]+)\s+to\s*$", self.text[seg_lo:q["start_char"]], regex.IGNORECASE)
            if m_from and via_to:
                from_text = m_from.group(1)
        if via_to:
            # "fell 0.4 pp to 2.1%", "added 850k, lifting the base to 12.4M", "climbed to 41.6%, a gain
            # of 5.3 pp": a stated difference makes the end point a level
            for other in s.quantities:
                if other is q or other is from_q or not (seg_lo <= other["start_char"] < seg_hi):
                    continue
                ow = [w for w, _, _ in self._words_before(other["start_char"], s.start, 3) if w not in ("by", ",")]
                if other["end_char"] <= q["start_char"]:
                    if ow and ow[-1] in cues.change_verb_direction and ow[-1] != "to":
                        return
                elif regex.fullmatch(r"[\s,]*(?:an?\s+)?(?:\w+\s+)?(?:" + "|".join(cues.change_noun_direction) + r")\s+of\s+",
                                     self.text[q["end_char"]:other["start_char"]], regex.IGNORECASE):
                    return
        if from_q is not None and q.get("value") is not None and from_q.get("value") is not None and not via_to and direction is None:
            direction = "increase" if q["value"] > from_q["value"] else "decrease"
        if (q.get("value") or 0) < 0:
            direction = "decrease"
        claim["kind"] = "change"
        claim["change"] = {"direction": direction, "from_text": from_text}

    def _segment_bounds(self, s: SentenceInfo, pos: int) -> tuple[int, int]:
        segs = self.segments(s)
        return segs[self._segment_of(segs, pos)]

    def _reference(self, q: dict, s: SentenceInfo, skip_of: bool = False) -> Optional[dict]:
        text = self.text
        pos = q["end_char"]
        seg_end = s.end
        m = self.cues.boundary_re.search(text, pos, s.end)
        if m:
            seg_end = m.start()
        tail = text[pos:seg_end]
        # "twice as many containers as Eastmere"
        m_as = regex.match(r"\s*as\s+(?:many|much|\w+)\s+(?:[\w-]+\s+){0,4}?as\s+", tail)
        if m_as:
            start = pos + m_as.end()
        else:
            m_lead = regex.match(r"\s*(?:of\s+|than\s+|over\s+|that\s+of\s+(?=\S))?", tail) if not skip_of else regex.match(r"\s*(?:of\s+)?", tail)
            start = pos + (m_lead.end() if m_lead else 0)
        end_m = regex.search(r"[,.;:)]\s|[,;:)]|\.$|\s(?:while|and|but|in\s+\d{4})\b", text[start:seg_end])
        end = start + end_m.start() if end_m else seg_end
        return mention(self.text, start, end)

    # -- metric ----------------------------------------------------------------------------------
    def _governing_verb(self, tok: Token) -> Optional[Token]:
        t = tok
        seen = 0
        while seen < 12:
            seen += 1
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "amod") and t.i not in self.token_q:
                return t
            if t.head.i == t.i:
                return t if t.pos_ in ("VERB", "AUX") else None
            t = t.head
        return None

    def _subject_of(self, verb: Token) -> Optional[Token]:
        v = verb
        for _ in range(6):
            subj = [c for c in v.children if c.dep_ in SUBJ_DEPS]
            if subj:
                # two subjects only when the parse is confused (a dateline "New Delhi, March 4 —
                # India approved ..."): the one next to the verb
                return min(subj, key=lambda c: abs(v.i - c.i))
            if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and v.head.i != v.i:
                if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                    return None
                if v.dep_ == "xcomp":
                    # "expects the economy to grow": the object of the governing verb does it
                    obj = [c for c in v.head.children if c.dep_ in ("dobj", "obj") and c.i < v.i]
                    if obj:
                        return obj[0]
                v = v.head
                continue
            break
        return None

    def _metric_from_noun(self, n: Token, qtoks: set[int]) -> Optional[dict]:
        if n.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "VERB") or n.lower_ in PRONOUNS:
            return None
        # an "of"/"for" phrase naming an entity is the entity, not the measure ("Shares of Ostmark Bank")
        named_pp = [c.i for c in n.rights if c.dep_ == "prep" and any(
            p.dep_ == "pobj" and (p.ent_type_ in ENTITY_LABELS or p.pos_ == "PROPN") for p in c.children)]
        first, last = np_bounds(n, exclude=frozenset(qtoks), max_right=(min(named_pp) - 1) if named_pp else None)
        return self._tmention(first, last)

    def _token_before(self, pos: int, s: SentenceInfo) -> Optional[Token]:
        """The last non-punctuation token that ends at or before ``pos`` in the sentence."""
        best = None
        for t in s.span:
            if t.idx + len(t.text) <= pos:
                if not t.is_punct:
                    best = t
            else:
                break
        return best

    def _metric(self, qi, q, s, root, qtoks, claim, metrics) -> tuple[Optional[Token], Optional[Token]]:
        """Set ``claim['metric']``; return (metric head token, subject token) for the entity step.

        Tried in order: for ratios the measure compared; a count's noun ("42 clusters"); "Q of N"
        ("40% of installation costs"); "N of Q" ("a CAGR of 13.4%"); "N worth Q"; "Q in N"
        ("€410 billion in assets"); a noun with a participle ("a volume exceeding Q"); the object
        of a change verb or the subject of a linking verb ("revenue reached Q"); the quantity this
        one hangs from; a noun right before the quantity ("its net profit $310 mn"); an elided
        noun shared with the previous count of the same verb; else the verb itself ("peaks at").
        """
        cues = self.cues
        text = self.text
        if root is None:
            return None, None
        metric_tok = None
        verb = self._governing_verb(root)
        subj = self._subject_of(verb) if verb is not None else None
        if subj is not None and (subj.i in qtoks or subj.dep_ == "expl" or subj.i in self.token_q):
            subj = None
        head = root.head
        after = text[q["end_char"]:s.end]
        lemma = verb.lemma_.lower() if verb is not None else ""
        linking = verb is not None and (lemma in LINKING_LEMMAS or verb.lower_ in cues.change_verb_direction)

        def from_other_quantity() -> bool:
            t = root
            for _ in range(8):
                if t.head.i == t.i:
                    return False
                t = t.head
                oq = self.token_q.get(t.i)
                if oq is not None and oq != qi and metrics.get(oq):
                    claim["metric"] = dict(metrics[oq])
                    return True
            return False

        if claim["kind"] == "ratio":
            if from_other_quantity():
                return None, subj
            m_as = regex.match(r"\s*as\s+(?:many|much)\s+", after)
            if m_as:
                # "twice as many containers as Eastmere"
                cand = [t for t in s.span if t.idx >= q["end_char"] + m_as.end() and t.pos_ in ("NOUN", "PROPN")]
                if cand:
                    claim["metric"] = self._metric_from_noun(cand[0], qtoks)
                    return cand[0], subj
            if linking and subj is not None:
                # "the average house price is 13 times the median income"
                claim["metric"] = self._metric_from_noun(subj, qtoks)
                return subj, subj
            if root.dep_ in ("nummod", "quantmod", "npadvmod", "advmod") and head.pos_ in ("NOUN", "PROPN"):
                # "holds 45 times the records of ...": the noun after "times" is the measure
                first, last = np_bounds(head, pps=())
                claim["metric"] = self._tmention(first, last)
                return head, subj
        # "among the top 10 models, 8 are from China", "8 of the 10 models"
        if root.dep_ in ("nsubj", "nsubjpass") and verb is not None:
            preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "among")]
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"]
            for pr in preps:
                pobj = [c for c in pr.children if c.dep_ == "pobj"]
                if pobj:
                    metric_tok = pobj[0]
                    break
        # a count or an adjective quantity modifies a noun: "42 clusters", "a 5% increase in yield rate"
        if metric_tok is None and not (q.get("unit") or "").startswith("/") \
                and root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") \
                and head.i not in qtoks and head.pos_ in ("NOUN", "PROPN") and head.idx > q["start_char"] \
                and head.lemma_.lower() not in TIME_NOUNS:
            if head.lower_ in cues.change_noun_direction:
                pp = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("in", "of", "for")]
                pobj = [c for c in pp[0].children if c.dep_ == "pobj"] if pp else []
                if pobj:
                    metric_tok = pobj[0]
            elif not cues.rate_metric_re.match(after.lstrip(" -")):
                metric_tok = head
        # "emissions fell to 673 million tonnes of CO2": the subject of a linking verb names the
        # measure; "of CO2" only says what the unit counts
        if metric_tok is None and linking and subj is not None and q.get("unit") not in (None, "%", "pp", "bp", "x") \
                and regex.match(_FOOTNOTES + r"\s+of\s+", after) and verb.lower_ in cues.change_verb_direction:
            metric_tok = subj
        # "48 million tonnes of CO2", "40% of installation costs"
        if metric_tok is None:
            m_of = regex.match(_FOOTNOTES + r"\s+of\s+", after)
            if m_of and not regex.match(_FOOTNOTES + r"\s+of\s+(?:that|those)\s+of\b", after):
                pobj_start = q["end_char"] + m_of.end()
                cand = [t for t in s.span if t.idx >= pobj_start and t.pos_ in ("NOUN", "PROPN")]
                pobj = [t for t in cand if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.idx < pobj_start]
                if pobj:
                    metric_tok = pobj[0]
                elif cand:
                    metric_tok = cand[0] if cand[0].dep_ not in ("compound", "poss") else cand[0].head
        # "a core AI industry scale of 450 billion yuan", "a CAGR of 13.4%", "a profit of GBP 19 million"
        if metric_tok is None:
            prev = self._token_before(q["start_char"], s)
            if prev is not None and prev.lower_ in ("of", "worth"):
                noun = self._token_before(prev.idx, s)
                oq = self.token_q.get(noun.i) if noun is not None else None
                if oq is not None and oq != qi and prev.lower_ == "worth":
                    # "742 500 t, worth $1 215 million": the measure of the quantity it values
                    if metrics.get(oq):
                        claim["metric"] = dict(metrics[oq])
                        return None, subj
                elif noun is not None and noun.pos_ in ("NOUN", "PROPN") and oq is None:
                    if noun.lower_ not in cues.change_noun_direction or cues.rate_metric_re.fullmatch(noun.lower_) \
                            or noun.lower_ == "growth":
                        metric_tok = noun
                elif prev.lower_ == "worth" and prev.head.pos_ in ("NOUN", "PROPN") and prev.head.i not in self.token_q:
                    metric_tok = prev.head
        # "€410 billion in assets", "$2 billion in sales"
        if metric_tok is None:
            m_in = regex.match(_FOOTNOTES + r"\s+in\s+(?:new\s+|annual\s+|total\s+)?", after)
            if m_in:
                cand = [t for t in s.span if t.idx >= q["end_char"] + m_in.end()]
                if cand and cand[0].pos_ == "NOUN" and not cand[0].ent_type_ and cand[0].lower_ not in ("terms", "total"):
                    metric_tok = cand[0]
        # a participle on a noun: "a total volume exceeding 890 petabytes"
        if metric_tok is None and verb is not None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") \
                and verb.head.i not in self.token_q:
            metric_tok = verb.head
        # a noun right before the quantity, no verb between: "and its net profit $310 mn"
        if metric_tok is None:
            prev = self._token_before(q["start_char"], s)
            if prev is not None and prev.pos_ == "NOUN" and prev.i not in self.token_q \
                    and prev.lower_ not in cues.change_noun_direction and prev.lower_ not in _NOT_METRIC_BEFORE \
                    and any(c.dep_ in ("det", "poss", "amod", "compound") for c in prev.lefts):
                metric_tok = prev
        # the object of a change verb ("cut its emissions to Q"), the subject of a linking verb
        if metric_tok is None and verb is not None:
            dobj = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i not in self.token_q
                    and not any(t.i in qtoks for t in c.subtree) and c.lemma_.lower() not in TIME_NOUNS
                    and c.ent_type_ not in ("DATE", "TIME")]
            if dobj and (verb.lower_ in cues.change_verb_direction or claim["kind"] == "change"
                         or dobj[0].lower_ in ANAPHORIC_NOUNS):
                metric_tok = dobj[0]
            elif subj is not None and linking:
                metric_tok = subj
        if metric_tok is None and from_other_quantity():
            return None, subj
        # an elided noun: "shipped 7.9 million wafers in H1 and 4.1 million in Q1", "it had 1,850"
        if metric_tok is None and q.get("unit") is None and verb is not None:
            for oqi in reversed(range(qi)):
                oq = self.quantities[oqi]
                if oq["start_char"] < s.start or not metrics.get(oqi):
                    continue
                if oq.get("unit") is not None:
                    continue
                otoks = self.q_tokens.get(oqi) or set()
                oroot = self._q_root(otoks)
                overb = self._governing_verb(oroot) if oroot is not None else None
                if overb is not None and (overb.i == verb.i or lemma in ("have", "be", "hold", "own")):
                    claim["metric"] = dict(metrics[oqi])
                    return None, subj
                break
        if metric_tok is None and claim["kind"] == "change" and subj is not None:
            metric_tok = subj
        if metric_tok is not None:
            claim["metric"] = self._metric_from_noun(metric_tok, qtoks)
            if claim["metric"] is not None and claim["metric"]["text"].lower() in PRONOUNS:
                claim["metric"] = None
        if claim["metric"] is None and verb is not None and lemma not in ("be", "have") and verb.pos_ == "VERB":
            # no noun names the measure: the verb does ("peaks at 2.1 EFLOPS", "sold 12.9 million")
            last = verb.i
            for c in verb.rights:
                if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == last + 1 and c.lower_ in ("at", "to")
                                        and any(t.i in qtoks for t in c.subtree)):
                    last = c.i
            claim["metric"] = self._tmention(verb.i, last)
            claim["confidence"] -= 0.1
        return metric_tok, subj

    # -- entity ------------------------------------------------------------------------------------
    def _ent_mention(self, tok: Token) -> Optional[dict]:
        """The named entity covering ``tok``, or the proper-noun phrase around it."""
        doc = self.doc
        if tok.i in self.time_tokens or tok.ent_type_ in ("DATE", "TIME"):
            return None
        if tok.ent_type_ in ENTITY_LABELS:
            for ent in doc.ents:
                if ent.start <= tok.i < ent.end:
                    return mention(self.text, ent.start_char, ent.end_char)
        if tok.pos_ == "PROPN":
            first = tok.i
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
                first -= 1
            last = tok.i
            return self._tmention(first, last)
        return None

    def _np_entity(self, tok: Token, qtoks: set[int]) -> Optional[dict]:
        """A noun phrase as an entity ("the Dalian plant", "Romania's IT sector")."""
        if tok.lower_ in PRONOUNS:
            return None
        first, last = np_bounds(tok, keep_det=True, keep_poss=True, pps=("of",), exclude=frozenset(qtoks))
        return self._tmention(first, last)

    def _entity_in_phrase(self, tok: Token, qtoks: set[int]) -> Optional[dict]:
        """Possessor or prepositional entity of a noun ("China's scale", "debt in South Korea").

        A named entity wins over a common noun phrase; among those, the possessor, then "in/at",
        then "of/for/across/from". Returns ``{"pronoun": True}`` for a pronoun possessor ("its
        revenue") when nothing named is found.
        """
        named: list[tuple[int, dict]] = []
        common: list[tuple[int, dict]] = []
        pronoun = False
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in PRONOUNS:
                pronoun = True
                continue
            ent = self._ent_mention(c)
            if ent is not None:
                named.append((0, ent))
            else:
                inner = self._np_entity(c, qtoks)
                if inner:
                    common.append((0, inner))
        for c in tok.rights:
            if c.dep_ != "prep" or c.lower_ not in ("in", "at", "of", "for", "across", "from", "on"):
                continue
            rank = 1 if c.lower_ in ("in", "at", "across") else 2
            for p in c.children:
                if p.dep_ != "pobj" or p.i in qtoks or p.i in self.token_q or p.lower_ in PRONOUNS \
                        or p.i in self.time_tokens:
                    continue
                has_det = any(x.dep_ in ("det", "poss") for x in p.children)
                if p.ent_type_ in ENTITY_LABELS or p.pos_ == "PROPN":
                    ent = self._ent_mention(p)
                    if ent is not None:
                        named.append((rank, ent))
                        # "admissions for COVID-19 in Ontario": a place nested in the phrase
                        for c2 in p.rights:
                            if c2.dep_ == "prep" and c2.lower_ in ("in", "at"):
                                for p2 in c2.children:
                                    if p2.dep_ == "pobj" and p2.ent_type_ in ("GPE", "LOC"):
                                        e2 = self._ent_mention(p2)
                                        if e2 is not None:
                                            named.append((1, e2))
                        continue
                inner = self._entity_in_phrase(p, qtoks)
                if inner and not inner.get("pronoun") and inner.get("named"):
                    named.append((rank, inner))
                    continue
                if has_det or (rank == 1 and p.pos_ == "NOUN"):
                    ent = self._np_entity(p, qtoks)
                    if ent is not None:
                        common.append((rank, ent))
        if named:
            ent = dict(min(named, key=lambda x: x[0])[1])
            ent["named"] = True
            return ent
        if pronoun:
            return {"pronoun": True}
        if common:
            return dict(min(common, key=lambda x: x[0])[1])
        return None

    def _entity_after(self, q: dict, s: SentenceInfo) -> Optional[dict]:
        """A named place or organisation right after the quantity: "6,300 kWh per capita in Spain"."""
        m = regex.match(_FOOTNOTES + r"\s+(?:in|at|across)\s+(?:the\s+)?", self.text[q["end_char"]:s.end])
        if not m:
            return None
        pos = q["end_char"] + m.end()
        for ent in self.doc.ents:
            if ent.start_char == pos and ent.label_ in ("GPE", "LOC", "ORG", "FAC"):
                return mention(self.text, ent.start_char, ent.end_char)
        return None

    def _entity(self, qi, q, s, root, qtoks, claim, metric_tok, subj) -> None:
        """Set ``claim['entity']`` (``None`` when the sentence names none; ``run`` then resolves
        pronouns and carries entities over)."""
        ent = None
        pronoun = False
        first_person = False
        in_metric = None
        if metric_tok is not None and (claim["kind"] != "ratio" or (subj is not None and metric_tok.i == subj.i)):
            in_metric = self._entity_in_phrase(metric_tok, qtoks)
            if in_metric and in_metric.get("pronoun"):
                pronoun, in_metric = True, None
            if in_metric and in_metric.get("named"):
                ent = in_metric
        if ent is None:
            ent = self._entity_after(q, s)
        if ent is None and in_metric is not None:
            ent = in_metric
        if ent is None and subj is not None and (metric_tok is None or subj.i != metric_tok.i):
            if subj.lower_ in PRONOUNS or subj.lower_ in ("we", "i", "us"):
                pronoun = True
                first_person = subj.lower_ in ("we", "i", "us")
            elif subj.pos_ == "VERB" or subj.dep_ == "csubj":
                # "Rebuilding the war-damaged region is projected to cost ...": the gerund's object
                obj = [c for c in subj.children if c.dep_ in ("dobj", "obj")]
                if obj:
                    ent = self._np_entity(obj[0], qtoks)
            else:
                inner = self._entity_in_phrase(subj, qtoks)
                if inner and inner.get("pronoun"):
                    pronoun = True
                elif inner and inner.get("named"):
                    ent = inner
                if ent is None and not pronoun:
                    ent = self._ent_mention(subj) or self._np_entity(subj, qtoks)
        if ent is None and not pronoun:
            ent = self._sentence_entity(q, s, qtoks, claim)
        if ent is None and not pronoun and metric_tok is not None and metric_tok.lemma_.lower() in MEASURE_HEADS:
            # "the global AI market size": the modifiers before a measure word name what is measured
            comps = [c for c in metric_tok.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
            if comps and comps[-1].i == metric_tok.i - 1:
                first, _ = np_bounds(metric_tok, exclude=frozenset(qtoks), pps=())
                # only a name ("global AI market size"), not a kind of thing ("fuel costs")
                if any(self.doc[i].pos_ == "PROPN" or self.doc[i].ent_type_ in ENTITY_LABELS
                       for i in range(first, metric_tok.i)):
                    ent = self._tmention(first, metric_tok.i - 1)
        if ent is None and first_person and claim.get("attribution"):
            ent = self._entity_of_source(claim["attribution"])
        if ent is not None:
            ent.pop("named", None)
            ent.pop("pronoun", None)
            ent.setdefault("inferred", False)
        elif pronoun:
            claim["_pronoun"] = True
        claim["entity"] = ent

    def _sentence_entity(self, q: dict, s: SentenceInfo, qtoks: set[int], claim: dict) -> Optional[dict]:
        """The nearest named entity before the quantity (same clause first), outside its metric,
        reference and attribution."""
        seg_lo, seg_hi = self._segment_bounds(s, q["start_char"])
        best = None
        for ent_span in s.span.ents:
            if ent_span.label_ not in ENTITY_LABELS or ent_span.start_char >= q["start_char"]:
                continue
            if any(t.i in self.token_q or t.i in self.time_tokens for t in ent_span):
                continue
            if any(m and m.get("start_char") is not None and m["start_char"] <= ent_span.start_char < m["end_char"]
                   for m in (claim.get("reference"), claim.get("metric"), claim.get("attribution"))):
                continue
            key = (0 if seg_lo <= ent_span.start_char < seg_hi else 1, q["start_char"] - ent_span.start_char)
            if best is None or key < best[0]:
                best = (key, ent_span)
        return mention(self.text, best[1].start_char, best[1].end_char) if best else None

    def _entity_of_source(self, attribution: dict) -> Optional[dict]:
        """"We ..., the company's chief executive said": the possessor of the speaker, else the speaker."""
        span = self.doc.char_span(attribution["start_char"], attribution["end_char"], alignment_mode="expand")
        if span is None:
            return None
        for t in span:
            if t.dep_ in ("nsubj", "nsubjpass"):
                inner = self._entity_in_phrase(t, set())
                if inner and not inner.get("pronoun"):
                    return inner
                return self._np_entity(t, set())
        return None

    def _resolve_pronoun(self, claim: dict, s: SentenceInfo, previous: list[dict], last_entity: Optional[dict]) -> Optional[dict]:
        """"its revenue", "it had": the entity of the sentence's previous claim, else the nearest
        named entity before the claim, else the paragraph's topic."""
        for other in reversed(previous):
            if other.get("entity"):
                e = dict(other["entity"])
                return e
        pos = claim["quantity"]["start_char"]
        if claim.get("metric") and claim["metric"].get("start_char") is not None:
            pos = min(pos, claim["metric"]["start_char"])
        best = None
        for ent in s.span.ents:
            if ent.label_ in ENTITY_LABELS and ent.end_char <= pos:
                best = mention(self.text, ent.start_char, ent.end_char)
        if best is not None:
            best["inferred"] = False
            return best
        if last_entity is not None:
            return dict(last_entity, inferred=True)
        return None

    def _sentence_topic(self, s: SentenceInfo) -> Optional[dict]:
        """The entity a later sentence may carry over: the subject of the main clause when it is a
        named entity, else the first GPE/ORG of the sentence."""
        root = s.span.root
        definite = None
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                ent = self._ent_mention(c)
                if ent is not None:
                    return ent
                if c.pos_ == "NOUN" and any(d.lower_ == "the" for d in c.children if d.dep_ == "det") \
                        and c.i not in self.token_q and c.lemma_.lower() not in MEASURE_HEADS:
                    # "The carrier said ...": a definite description names the topic too
                    definite = self._np_entity(c, set())
        for ent in s.span.ents:
            if ent.label_ in ("GPE", "ORG", "LOC", "FAC", "PRODUCT"):
                return mention(self.text, ent.start_char, ent.end_char)
        return definite

    # -- timeframe ----------------------------------------------------------------------------------
    def _timeframe(self, q: dict, s: SentenceInfo, claim: dict) -> None:
        # "up 4 points from a year earlier": a comparison base, not when the claim holds
        tfs = [t for t in s.timeframes if not (t.get("offset_years") is not None and regex.search(
            r"(?i)\b(?:from|than|versus|vs\.?|compared\s+(?:with|to)|on|over)\s*$", self.text[s.start:t["start_char"]]))]
        if not tfs:
            return
        text = self.text
        head = None
        for t in tfs:
            lead = text[s.start:t["start_char"]]
            if not lead.strip(" \t\n\"“'‘(") and regex.match(r"\s*,", text[t["end_char"]:]):
                head = t
                break
        own = None
        # nearest after, with no other quantity and no clause boundary in between
        others = [o for o in s.quantities if o is not q]
        for t in tfs:
            if t is head or t["start_char"] < q["end_char"]:
                continue
            if any(q["end_char"] <= o["start_char"] < t["start_char"] for o in others):
                break
            if self._between_has_boundary(q["end_char"], t["start_char"]):
                break
            own = t
            break
        if own is None:
            for t in reversed(tfs):
                if t is head or t["end_char"] > q["start_char"]:
                    continue
                if any(t["end_char"] <= o["start_char"] < q["start_char"] for o in others):
                    break
                if self._between_has_boundary(t["end_char"], q["start_char"]):
                    break
                # a timeframe right after another quantity belongs to that one
                prev_q = [o for o in others if o["end_char"] <= t["start_char"]]
                if prev_q and not text[prev_q[-1]["end_char"]:t["start_char"]].strip(" ,"):
                    break
                own = t
                break
        if own is None and head is None:
            # one timeframe in the same clause segment, not owned by a closer quantity
            seg_lo, seg_hi = self._segment_bounds(s, q["start_char"])
            cands = [t for t in tfs if seg_lo <= t["start_char"] < seg_hi and t.get("offset_years") is None
                     and t.get("relation") != "since"]
            after_q = [t for t in cands if t["start_char"] >= q["end_char"]]
            if len(cands) == 1:
                own = cands[0]
            elif after_q:
                own = after_q[0]
        chosen = own or head
        if chosen is None:
            return
        tf = {k: chosen.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
        if chosen.get("offset_years") is not None and chosen.get("value") is None:
            # "a year earlier", "that year": relative to the sentence's own timeframe, else to the
            # paragraph's latest one; X digits when there is none
            base = next((t for t in tfs if t is not chosen and t.get("value") and t.get("offset_years") is None), None)
            base_value = base["value"] if base is not None else self._paragraph_time
            if base_value:
                tf["value"] = shift_timex(base_value, chosen["offset_years"])
                if base is not None and base.get("relation") in ("in", "as_of"):
                    tf["relation"] = base["relation"]
            else:
                tf["value"] = "XXXX"
        if tf["value"] is None:
            return
        claim["timeframe"] = tf

    # -- modality ----------------------------------------------------------------------------------
    def _modality(self, q: dict, s: SentenceInfo, claim: dict) -> None:
        best = None
        for h in s.hedges:
            if h["end_char"] > q["start_char"]:
                # a cue inside the quantity span ("an estimated 1,200" kept outside the span too)
                continue
            if self._between_has_boundary(h["end_char"], q["start_char"]):
                continue
            best = h
        if best is None:
            best = self._hedge_after(q, s)
        if best is None:
            return
        claim["modality"] = best["modality"]
        claim["hedge"] = {"text": best["text"], "start_char": best["start_char"], "end_char": best["end_char"]}
        if best.get("negated"):
            claim["negated"] = True

    def _hedge_after(self, q: dict, s: SentenceInfo) -> Optional[dict]:
        """A cue after the quantity that governs it as subject: "Sales of 5 million units are
        expected in 2026", "Some 300 jobs could go"."""
        qspan = self.doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
        if qspan is None:
            return None
        for h in s.hedges:
            if h["start_char"] < q["end_char"] or self._between_has_boundary(q["end_char"], h["start_char"]):
                continue
            cue = self.doc.char_span(h["start_char"], h["end_char"], alignment_mode="expand")
            if cue is None:
                continue
            verb = cue.root
            while verb.dep_ in ("aux", "auxpass", "xcomp", "neg") and verb.head.i != verb.i:
                verb = verb.head
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= qspan.start and qspan.end - 1 <= c.right_edge.i:
                    return h
            return None
        return None

    # -- attribution -------------------------------------------------------------------------------
    def _attribution(self, q: dict, s: SentenceInfo, claim: dict) -> None:
        if not s.attributions:
            return
        segs = self.segments(s)
        qseg = self._segment_of(segs, q["start_char"])
        same = [a for a in s.attributions if self._segment_of(segs, a["start_char"]) == qseg]
        chosen = None
        if same:
            chosen = min(same, key=lambda a: abs(a["start_char"] - q["start_char"]))
        else:
            first_q = min(o["start_char"] for o in s.quantities)
            last_q = max(o["end_char"] for o in s.quantities)
            heads = [a for a in s.attributions if a.get("scope") == "sentence" or a["end_char"] <= first_q]
            # "..., according to the WHO." / "..., the ministry said.": a source at the very end of
            # the sentence covers all of it
            tails = [a for a in s.attributions if a["start_char"] >= last_q
                     and not self.text[a["end_char"]:s.end].strip(" .!?\"”’)\n")]
            if heads:
                chosen = heads[0]
            elif tails:
                chosen = tails[-1]
        if chosen is not None:
            claim["attribution"] = {"text": chosen["text"], "start_char": chosen["start_char"], "end_char": chosen["end_char"]}

    # -- respectively ----------------------------------------------------------------------------------
    def _respectively(self, s: SentenceInfo, sent_claims: list[tuple[int, dict]]) -> None:
        if "respectively" not in s.span.text.lower() or len(sent_claims) < 2:
            return
        n = len(sent_claims)
        first_q = sent_claims[0][1]["quantity"]["start_char"]
        # a list of years: "revenue in 2023, 2024 and 2025 was $8.4m, $7.6m and $6.9m"
        tfs = [t for t in s.timeframes if t["end_char"] <= first_q]
        if len(tfs) == n:
            for (qi, c), t in zip(sent_claims, tfs):
                c["timeframe"] = {k: t.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
        groups = self._conj_groups(s.span, first_q)
        if not groups:
            prev = [x for x in self.sentences if x.end <= s.start]
            if prev:
                groups = self._conj_groups(prev[-1].span, prev[-1].end)
        for grp in groups:
            if len(grp) != n:
                continue
            entity_like = all(t.ent_type_ in ENTITY_LABELS or t.pos_ == "PROPN" for t in grp)
            for (qi, c), t in zip(sent_claims, grp):
                if entity_like:
                    c["entity"] = dict(self._ent_mention(t) or self._np_entity(t, set()) or {}, inferred=False) or None
                else:
                    first, last = np_bounds(t, pps=())
                    m = self._tmention(first, last)
                    if m:
                        c["metric"] = m
            break

    def _conj_groups(self, span: Span, before: int) -> list[list[Token]]:
        """Coordinated nouns before ``before`` ("Spain and Greece", "wind and solar capacity"),
        numbers and dates left out."""
        groups = []
        seen: set[int] = set()
        for t in span:
            if t.idx >= before:
                break
            if t.i in seen or not any(c.dep_ == "conj" for c in t.children):
                continue
            grp = []
            cur = t
            while cur is not None:
                seen.add(cur.i)
                if cur.pos_ in ("NOUN", "PROPN", "ADJ") and cur.ent_type_ not in ("DATE", "CARDINAL") and cur.i not in self.token_q:
                    grp.append(cur)
                nxt = [c for c in cur.children if c.dep_ == "conj"]
                cur = nxt[0] if nxt else None
            if len(grp) >= 2:
                groups.append(grp)
        return groups


_TIMEX_YEAR = regex.compile(r"^(FY)?(\d{4})(.*)$")


def shift_timex(value: str, years: int) -> str:
    """Shift the year of a TIMEX3-style value: ``shift_timex("2025-H1", -1) == "2024-H1"``.

    Values without a concrete year (``XXXX-Q1``) and periods are returned unchanged.
    """
    m = _TIMEX_YEAR.match(value or "")
    if not m or "/" in value:
        return value
    return f"{m.group(1) or ''}{int(m.group(2)) + years:04d}{m.group(3)}"


def assemble(doc: Doc, quantities: list[dict], timeframes: list[dict], cues: Optional[dict] = None,
             *, include_vague: bool = False) -> list[dict]:
    """Assemble claim dicts for a parsed ``doc``.

    ``quantities`` and ``timeframes`` are the dicts stored by the quantity and timeframe
    components (offsets relative to ``doc.text``); ``cues`` the dict of the cue component
    (``{"hedges": [...], "attributions": [...]}``). Returns one dict per claim, in text order,
    with the field names of :class:`claimx.models.Claim` (no ``doc_id``).
    """
    return Assembler(doc, quantities, timeframes, cues, include_vague=include_vague).run()
