"""The ``claimx_quantities`` component: the regex quantity grammar over ``doc.text``."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from .context import context_of
from .records import quantity_records


SPAN_KEY = "claimx_quantities"


class QuantityFinder:
    """Stores the quantities of ``doc.text`` on ``doc._.claimx_quantities`` (list of dicts with
    the fields of :class:`claimx.grammar.types.QuantityMatch`) and as spans in
    ``doc.spans["claimx_quantities"]`` labelled with their unit (``COUNT`` for plain counts).

    Quantities precomputed by :class:`claimx.Extractor` (``quantities`` of the Doc's
    :class:`~claimx.components.context.ClaimxContext`) are reused instead of scanning again.
    """

    def __init__(self, nlp: Language, name: str, *, currency_hint: str | None = None, split_tokens: bool = True) -> None:
        self.name = name
        self.currency_hint = currency_hint
        self.split_tokens = split_tokens

    def __call__(self, doc: Doc) -> Doc:
        ctx = context_of(doc)
        if ctx.quantities is not None:
            found = list(ctx.quantities)
        else:
            found = quantity_records(doc.text, ctx.currency_hint or self.currency_hint)
        if self.split_tokens and not doc.has_annotation("DEP") and not doc.has_annotation("TAG"):
            doc = split_at(doc, _cut_points(found))
        doc._.claimx_quantities = found
        spans = []
        for q in found:
            span = doc.char_span(q["start_char"], q["end_char"], label=q.get("unit") or "COUNT", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc


def _cut_points(found: list[dict]) -> list[int]:
    cuts = set()
    for q in found:
        for key in ("start_char", "end_char", "number_start", "number_end"):
            v = q.get(key)
            if v is not None and v >= 0:
                cuts.add(v)
    return sorted(cuts)


def split_at(doc: Doc, cuts: list[int]) -> Doc:
    """An unparsed Doc like ``doc`` in which every offset in ``cuts`` is a token boundary.

    "12.4M." becomes "12.4M" + ".", "USD41.3" becomes "USD" + "41.3", "million¹" becomes
    "million" + "¹", so the tagger and parser see the quantity as the grammar read it.

    The tokens are cut in the word list and a new :class:`~spacy.tokens.Doc` is built from it
    (``words``/``spaces``), carrying the ``doc._`` values and the ``nlp.pipe`` context over. Nothing of a parse is set: a
    retokenizer split must give each new token a head, and the placeholder heads it was given
    (every piece headed on itself) left the parser a tree it cannot take -- the 12-byte text
    ``"1 5 75 34bps"`` made spaCy's parser loop forever and ``"8 will\\n5x~"`` gave a tree whose
    root search fails (E039). Returns ``doc`` itself when no token needs cutting. Only valid
    before the tagger/parser run (raises ``ValueError`` on a tagged or parsed doc).
    """
    if doc.has_annotation("DEP") or doc.has_annotation("TAG"):
        raise ValueError("split_at needs an unparsed Doc (run it before the tagger and parser)")
    if not _cuts_inside_a_token(doc, cuts):
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    changed = False
    ci = 0
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        while ci < len(cuts) and cuts[ci] <= start:
            ci += 1
        bounds = [0]
        j = ci
        while j < len(cuts) and cuts[j] < end:
            bounds.append(cuts[j] - start)
            j += 1
        bounds.append(len(tok.text))
        pieces = [tok.text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        changed = changed or len(pieces) > 1
        words.extend(pieces)
        spaces.extend([False] * (len(pieces) - 1) + [bool(tok.whitespace_)])
    if not changed:
        return doc
    new = Doc(doc.vocab, words=words, spaces=spaces)
    new.user_data.update(doc.user_data)  # the doc._ extension values (claimx_context)
    new._context = doc._context  # what nlp.pipe(as_tuples=True) passes along
    return new


def _cuts_inside_a_token(doc: Doc, cuts: list[int]) -> bool:
    """True when an offset of ``cuts`` (sorted) falls strictly inside a token of ``doc`` (the
    tokens' offsets and lengths read as one array, not token by token)."""
    if not cuts or not len(doc):
        return False
    table = doc.to_array([IDX, LENGTH])
    starts = table[:, 0].tolist()
    lengths = table[:, 1].tolist()
    for c in cuts:
        k = bisect_right(starts, c) - 1
        if k >= 0 and starts[k] < c < starts[k] + lengths[k]:
            return True
    return False


@Language.factory(
    "claimx_quantities",
    assigns=["doc._.claimx_quantities", "doc.spans"],
    default_config={"currency_hint": None, "split_tokens": True},
)
def make_quantities(nlp: Language, name: str, currency_hint: str | None, split_tokens: bool) -> QuantityFinder:
    """Factory of the quantity component.

    ``currency_hint`` (ISO 4217) resolves ``$``/``¥``. With ``split_tokens`` and the component
    placed before the tagger/parser (``nlp.add_pipe("claimx_quantities", first=True)``, as
    :class:`claimx.Extractor` does), tokens are split at quantity boundaries before parsing.
    """
    return QuantityFinder(nlp, name, currency_hint=currency_hint, split_tokens=split_tokens)
