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

from .lexicon import CompiledCues, load_cues

ENTITY_LABELS = frozenset({"GPE", "ORG", "PRODUCT", "LOC", "FAC", "NORP", "PERSON", "EVENT"})
PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself", "he", "she", "his", "her", "we", "our"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJ_DEPS = frozenset({"dobj", "attr", "oprd", "pobj", "npadvmod", "acomp", "obj"})
CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "ccomp", "relcl", "parataxis", "acl"})
# Verbs whose subject is what the number measures ("revenue reached $5bn"), as opposed to
# transitive actions whose subject is the actor ("Orion operates 120 data centres").
LINKING_LEMMAS = frozenset(
    """be reach surpass exceed top total stand amount account average hit remain stay come peak
    rise fall grow increase decrease decline climb drop jump surge slump ease widen narrow expand
    shrink double triple hover sit run cost range equal represent make reach near approach
    exceed cross pass break touch trade worth value estimate project forecast expect""".split()
)
# Head nouns that name a measure of something ("market size", "fleet value"): the noun
# compounds before them name the thing measured.
MEASURE_HEADS = frozenset(
    """size scale share value volume rate level number count total capacity output revenue revenues
    sales turnover price prices cost costs valuation penetration growth""".split()
)
_ANAPHORIC_DET = frozenset({"this", "these", "that", "those", "such"})
_WS = regex.compile(r"\s+")
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


def mention(doc: Doc, start_char: int, end_char: int, **extra) -> Optional[dict]:
    """A mention dict for ``doc.text[start_char:end_char]`` trimmed of spaces and edge punctuation."""
    text = doc.text
    while start_char < end_char and text[start_char] in _TRIM:
        start_char += 1
    while end_char > start_char and text[end_char - 1] in _TRIM:
        end_char -= 1
    if end_char <= start_char:
        return None
    out = {"text": text[start_char:end_char], "start_char": start_char, "end_char": end_char}
    out.update(extra)
    return out


def token_mention(doc: Doc, first: int, last: int, **extra) -> Optional[dict]:
    """A mention covering tokens ``first..last`` (inclusive)."""
    if last < first:
        return None
    return mention(doc, doc[first].idx, doc[last].idx + len(doc[last].text), **extra)


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
        elif child.dep_ in ("compound", "amod") and child.i == last + 1:
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


def np_text_bounds(tok: Token, **kw) -> Optional[tuple[int, int]]:
    first, last = np_bounds(tok, **kw)
    if last < first:
        return None
    return first, last


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
        self.q_tokens: dict[int, set[int]] = {}
        for qi, q in enumerate(self.quantities):
            span = doc.char_span(q["start_char"], q["end_char"], alignment_mode="expand")
            self.q_tokens[qi] = set(range(span.start, span.end)) if span is not None else set()
        self.token_q: dict[int, int] = {t: qi for qi, ts in self.q_tokens.items() for t in ts}

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
            # entities: pronouns and carry-over
            for qi, claim in sent_claims:
                if qi in skip_from:
                    continue
                ent = claim.get("entity")
                if ent is None and last_entity is not None:
                    claim["entity"] = {"text": last_entity["text"], "start_char": last_entity["start_char"],
                                       "end_char": last_entity["end_char"], "inferred": True}
                    claim["confidence"] = round(claim["confidence"] - 0.1, 3)
                out.append(claim)
            topic = self._sentence_topic(s)
            if topic is not None:
                last_entity = topic
        return out

    # -- filters -----------------------------------------------------------------------------
    def _skip(self, q: dict, s: SentenceInfo) -> bool:
        form = q.get("form")
        if form in ("vague", "scale_adjective") and not self.include_vague:
            return True
        # anaphoric repeat: "this 1.2 trillion yuan", "these two"
        before = self.text[max(s.start, q["start_char"] - 12):q["start_char"]].lower().split()
        if before and before[-1] in _ANAPHORIC_DET:
            return True
        return False

    # -- one claim ------------------------------------------------------------------------------
    def _assemble(self, qi: int, q: dict, s: SentenceInfo, metrics: dict, skip_from: set) -> Optional[dict]:
        doc = self.doc
        qtoks = self.q_tokens.get(qi) or set()
        root = self._q_root(qtoks)
        claim = {
            "kind": "level",
            "quantity": {k: q.get(k) for k in ("text", "start_char", "end_char", "value", "unit", "comparator", "lower", "upper", "base_value", "base_unit")},
            "entity": None, "metric": None, "timeframe": None, "modality": "asserted", "hedge": None,
            "attribution": None, "reference": None, "change": None,
            "sentence": mention(doc, s.start, s.end),
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
        self._entity(qi, q, s, root, qtoks, claim, metric_tok, subj_tok)
        self._timeframe(q, s, claim)
        self._modality(q, s, claim)
        self._attribution(q, s, claim)
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
        return mention(self.doc, start, end)

    # -- metric ----------------------------------------------------------------------------------
    def _governing_verb(self, tok: Token) -> Optional[Token]:
        t = tok
        seen = 0
        while seen < 12:
            seen += 1
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "amod"):
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
                return subj[0]
            if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and v.head.i != v.i:
                if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN"):
                    return None
                v = v.head
                continue
            break
        return None

    def _metric_from_noun(self, n: Token, qtoks: set[int]) -> Optional[dict]:
        if n.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "VERB") or n.lower_ in PRONOUNS:
            return None
        first, last = np_bounds(n, exclude=frozenset(qtoks))
        return token_mention(self.doc, first, last)

    def _metric(self, qi, q, s, root, qtoks, claim, metrics) -> tuple[Optional[Token], Optional[Token]]:
        """Set ``claim['metric']``; return (metric head token, subject token) for the entity step."""
        cues = self.cues
        doc = self.doc
        if root is None:
            return None, None
        excl = frozenset(qtoks)
        metric_tok = None
        verb = self._governing_verb(root)
        subj = self._subject_of(verb) if verb is not None else None
        if subj is not None and subj.i in qtoks:
            subj = None
        if subj is not None and subj.dep_ == "expl":
            subj = None
        head = root.head
        if claim["kind"] == "ratio":
            t = root
            for _ in range(8):
                if t.head.i == t.i:
                    break
                t = t.head
                oq = self.token_q.get(t.i)
                if oq is not None and oq != qi and metrics.get(oq):
                    claim["metric"] = dict(metrics[oq])
                    return None, subj
            # "Port Halvard handles twice as many containers as Eastmere"
            m_as = regex.match(r"\s*as\s+(?:many|much)\s+", self.text[q["end_char"]:s.end])
            if m_as:
                cand = [t for t in s.span if t.idx >= q["end_char"] + m_as.end() and t.pos_ in ("NOUN", "PROPN")]
                if cand:
                    claim["metric"] = self._metric_from_noun(cand[0], qtoks)
                    return cand[0], subj
            if root.dep_ in ("nummod", "quantmod", "npadvmod", "advmod") and head.pos_ in ("NOUN", "PROPN"):
                # "45 times the records of ...": the noun after "times" is the compared measure
                first, last = np_bounds(head, pps=())
                claim["metric"] = token_mention(self.doc, first, last)
                return head, subj
        # 0. "among the top 10 models, 8 are from China", "8 of the 10 models"
        if root.dep_ in ("nsubj", "nsubjpass") and verb is not None:
            preps = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "among")]
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"]
            for pr in preps:
                pobj = [c for c in pr.children if c.dep_ == "pobj"]
                if pobj:
                    metric_tok = pobj[0]
                    break
        # 1. the quantity modifies a noun: "42 intelligent computing clusters", "a 5% increase in yield rate"
        if metric_tok is None and root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det") and head.i not in qtoks and head.pos_ in ("NOUN", "PROPN"):
            if head.lower_ in cues.change_noun_direction:
                pp = [c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("in", "of", "for")]
                if pp:
                    pobj = [c for c in pp[0].children if c.dep_ == "pobj"]
                    if pobj:
                        metric_tok = pobj[0]
            elif not regex.match(r"\s*(?:-\s*)?(?:cagr|compound annual)", self.text[q["end_char"]:], regex.IGNORECASE):
                metric_tok = head
        # "48 million tonnes of CO2", "31 MW of power", "40% of installation costs"
        if metric_tok is None:
            m_of = regex.match(r"\s+of\s+", self.text[q["end_char"]:s.end])
            if m_of and not regex.match(r"\s+of\s+(?:that|those)\s+of", self.text[q["end_char"]:s.end]):
                pobj_start = q["end_char"] + m_of.end()
                cand = [t for t in s.span if t.idx >= pobj_start and t.dep_ == "pobj" and t.head.lower_ == "of"]
                if cand:
                    metric_tok = cand[0]
        # 2. "a core AI industry scale of 450 billion yuan", "a CAGR of 13.4%"
        if metric_tok is None and root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
            n = head.head
            if n.lower_ in cues.change_noun_direction:
                pass  # "a gain of 5.3 pp": the metric is the clause's subject, below
            else:
                metric_tok = n
        # 3. participle attached to a noun: "a total volume exceeding 890 petabytes"
        if metric_tok is None and verb is not None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i not in qtoks:
            metric_tok = verb.head
        # 4. object of a verb: the verb's direct object for changes ("cut its emissions to"),
        #    else the subject for linking verbs ("revenue reached $5bn")
        if metric_tok is None and verb is not None:
            dobj = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i not in qtoks and not (self.q_tokens and any(c.i in ts for ts in self.q_tokens.values()))]
            lemma = verb.lemma_.lower()
            if dobj and (lemma in LINKING_LEMMAS or verb.lower_ in cues.change_verb_direction or claim["kind"] == "change"):
                metric_tok = dobj[0]
            elif subj is not None and (lemma in LINKING_LEMMAS or verb.lower_ in cues.change_verb_direction):
                metric_tok = subj
        # 5. ratios and appositions: the metric of the quantity this one hangs from
        if metric_tok is None:
            t = root
            for _ in range(8):
                if t.head.i == t.i:
                    break
                t = t.head
                oq = self.token_q.get(t.i)
                if oq is not None and oq != qi and metrics.get(oq):
                    claim["metric"] = dict(metrics[oq])
                    return None, subj
        if metric_tok is None and claim["kind"] == "change" and subj is not None:
            metric_tok = subj
        if metric_tok is None and subj is not None and subj.lower_ not in PRONOUNS and claim["kind"] != "ratio":
            # fallback: the subject, when it names a measure rather than an actor
            if subj.ent_type_ not in ENTITY_LABELS and subj.pos_ != "PROPN":
                metric_tok = subj
        if metric_tok is not None:
            claim["metric"] = self._metric_from_noun(metric_tok, qtoks)
            if claim["metric"] is not None and claim["metric"]["text"].lower() in PRONOUNS:
                claim["metric"] = None
        return metric_tok, subj

    # -- entity ------------------------------------------------------------------------------------
    def _ent_mention(self, tok: Token) -> Optional[dict]:
        """The named entity covering ``tok``, or the proper-noun phrase around it."""
        doc = self.doc
        if tok.ent_type_ in ENTITY_LABELS:
            for ent in doc.ents:
                if ent.start <= tok.i < ent.end:
                    return mention(doc, ent.start_char, ent.end_char)
        if tok.pos_ == "PROPN":
            first = tok.i
            while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound":
                first -= 1
            last = tok.i
            return token_mention(doc, first, last)
        return None

    def _np_entity(self, tok: Token, qtoks: set[int]) -> Optional[dict]:
        """A noun phrase as an entity ("the Dalian plant", "Romania's IT sector")."""
        if tok.lower_ in PRONOUNS:
            return None
        first, last = np_bounds(tok, keep_det=True, keep_poss=True, pps=("of",), exclude=frozenset(qtoks))
        return token_mention(self.doc, first, last)

    def _entity_in_phrase(self, tok: Token, qtoks: set[int]) -> Optional[dict]:
        """Possessor or prepositional entity of a noun: "China's scale", "debt in South Korea"."""
        doc = self.doc
        for c in tok.children:
            if c.dep_ == "poss":
                if c.lower_ in PRONOUNS:
                    return {"pronoun": True}
                ent = self._ent_mention(c)
                if ent is not None:
                    ent["named"] = True
                else:
                    ent = self._np_entity(c, qtoks)
                return ent
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("in", "at", "of", "for", "across", "from"):
                for p in c.children:
                    if p.dep_ != "pobj" or p.i in qtoks:
                        continue
                    if c.lower_ == "for" and p.ent_type_ not in ("GPE", "LOC", "ORG"):
                        continue
                    has_det = any(x.dep_ in ("det", "poss") for x in p.children)
                    if p.ent_type_ in ENTITY_LABELS or p.pos_ == "PROPN" or has_det or c.lower_ in ("in", "at"):
                        if c.lower_ == "of" and not (p.ent_type_ in ENTITY_LABELS or p.pos_ == "PROPN" or has_det):
                            continue
                        inner = self._entity_in_phrase(p, qtoks)
                        if inner and not inner.get("pronoun") and (c.lower_ == "of" or inner.get("named")):
                            return inner
                        if p.ent_type_ in ENTITY_LABELS:
                            named = self._ent_mention(p)
                            if named is not None:
                                named["named"] = True
                                return named
                        ent = self._np_entity(p, qtoks) if (has_det or p.pos_ != "PROPN") else self._ent_mention(p)
                        if ent is not None:
                            return ent
        return None

    def _resolve_pronoun(self, pos: int, s: SentenceInfo) -> Optional[dict]:
        """The nearest entity-like mention before ``pos`` in the sentence."""
        best = None
        for ent in self.doc.ents:
            if ent.label_ in ENTITY_LABELS and s.start <= ent.start_char and ent.end_char <= pos:
                best = mention(self.doc, ent.start_char, ent.end_char)
        return best

    def _entity(self, qi, q, s, root, qtoks, claim, metric_tok, subj) -> None:
        ent = None
        pronoun = False
        if metric_tok is not None:
            ent = self._entity_in_phrase(metric_tok, qtoks)
            if ent and ent.get("pronoun"):
                pronoun, ent = True, None
        if ent is None and subj is not None and (metric_tok is None or subj.i != metric_tok.i):
            if subj.lower_ in PRONOUNS:
                pronoun = True
            else:
                ent = self._entity_in_phrase(subj, qtoks)
                if ent and ent.get("pronoun"):
                    pronoun, ent = True, None
                if ent is None:
                    ent = self._ent_mention(subj) or self._np_entity(subj, qtoks)
        if ent is None and subj is not None and metric_tok is not None and subj.i == metric_tok.i:
            inner = self._entity_in_phrase(subj, qtoks)
            if inner and inner.get("pronoun"):
                pronoun = True
            elif inner:
                ent = inner
        if ent is None and pronoun:
            pos = q["start_char"]
            if claim["metric"] is not None:
                pos = min(pos, claim["metric"]["start_char"])
            ent = self._resolve_pronoun(pos, s)
        if ent is None:
            # a named entity in the quantity's clause segment, else in the sentence, nearest first
            seg_lo, seg_hi = self._segment_bounds(s, q["start_char"])
            best = None
            for ent_span in self.doc.ents:
                if ent_span.label_ not in ENTITY_LABELS or not (s.start <= ent_span.start_char < s.end):
                    continue
                if any(t.i in qtoks for t in ent_span) or ent_span.start_char >= q["start_char"]:
                    continue
                if any(m and m.get("start_char") is not None and m["start_char"] <= ent_span.start_char < m["end_char"]
                       for m in (claim.get("reference"), claim.get("metric"), claim.get("attribution"))):
                    continue
                in_seg = seg_lo <= ent_span.start_char < seg_hi
                dist = abs(ent_span.start_char - q["start_char"])
                key = (0 if in_seg else 1, dist)
                if best is None or key < best[0]:
                    best = (key, ent_span)
            if best is not None:
                ent = mention(self.doc, best[1].start_char, best[1].end_char)
        if ent is None and metric_tok is not None and metric_tok.lemma_.lower() in MEASURE_HEADS:
            # "the global AI market size": the modifiers before a measure word name what is measured
            comps = [c for c in metric_tok.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
            if comps and comps[-1].i == metric_tok.i - 1:
                first, _ = np_bounds(metric_tok, exclude=frozenset(qtoks), pps=())
                ent = token_mention(self.doc, first, metric_tok.i - 1)
        if ent is not None and ent.get("pronoun"):
            ent = None
        if ent is not None:
            ent.pop("named", None)
            ent.setdefault("inferred", False)
        claim["entity"] = ent

    def _sentence_topic(self, s: SentenceInfo) -> Optional[dict]:
        """The entity a later sentence may carry over: the subject of the main clause when it is a
        named entity, else the first GPE/ORG of the sentence."""
        root = s.span.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                ent = self._ent_mention(c)
                if ent is not None:
                    return ent
        for ent in s.span.ents:
            if ent.label_ in ("GPE", "ORG", "LOC", "FAC", "PRODUCT"):
                return mention(self.doc, ent.start_char, ent.end_char)
        return None

    # -- timeframe ----------------------------------------------------------------------------------
    def _timeframe(self, q: dict, s: SentenceInfo, claim: dict) -> None:
        tfs = s.timeframes
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
            cands = [t for t in tfs if seg_lo <= t["start_char"] < seg_hi]
            if len(cands) == 1:
                own = cands[0]
        chosen = own or head
        if chosen is None:
            return
        tf = {k: chosen.get(k) for k in ("text", "start_char", "end_char", "value", "relation")}
        if chosen.get("offset_years") is not None and chosen.get("value") is None:
            base = None
            for t in tfs:
                if t is not chosen and t.get("value") and t.get("offset_years") is None:
                    base = t
                    if t["start_char"] < chosen["start_char"]:
                        continue
            if base is not None:
                tf["value"] = shift_timex(base["value"], chosen["offset_years"])
                tf["relation"] = base.get("relation") or tf["relation"]
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
            return
        claim["modality"] = best["modality"]
        claim["hedge"] = {"text": best["text"], "start_char": best["start_char"], "end_char": best["end_char"]}
        if best.get("negated"):
            claim["negated"] = True

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
            heads = [a for a in s.attributions if a.get("scope") == "sentence" or a["end_char"] <= first_q]
            if heads:
                chosen = heads[0]
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
                    m = token_mention(self.doc, first, last)
                    if m:
                        c["metric"] = m
            break

    def _conj_groups(self, span: Span, before: int) -> list[list[Token]]:
        groups = []
        for t in span:
            if t.idx >= before:
                break
            if t.dep_ != "conj" and any(c.dep_ == "conj" for c in t.children) and t.pos_ in ("NOUN", "PROPN", "ADJ"):
                grp = [t]
                cur = t
                while True:
                    nxt = [c for c in cur.children if c.dep_ == "conj"]
                    if not nxt:
                        break
                    cur = nxt[0]
                    grp.append(cur)
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
