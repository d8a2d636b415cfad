"""Poison pills for the runner tests: articles whose extraction hangs or raises.

:class:`PoisonedExtractor` wraps a real :class:`claimx.Extractor`. For the two texts of issue 12
it puts back the token split of claimx 0.1.0 (a retokenizer split with every piece headed on
itself), with which spaCy's parser really loops forever in compiled code on ``"1 5 75 34bps"``
(no signal but SIGKILL stops it) and a root search fails with E039 on ``"8 will\\n5x~"``; an
article containing ``PLANTED_RAISE`` raises ``ValueError``. Everything else is extracted as
usual. The runners must record the three, kind and reason, and write every other article.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

HANG_PILL = "1 5 75 34bps"
E039_PILL = "8 will\n5x~"
PLANTED_RAISE = "PLANTED-RAISE"


def old_split_at(doc, cuts):
    """The token split of claimx 0.1.0 (commit a6e766e), kept only to reproduce its failures."""
    todo = []
    ci = 0
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        while ci < len(cuts) and cuts[ci] <= start:
            ci += 1
        inner = []
        j = ci
        while j < len(cuts) and cuts[j] < end:
            inner.append(cuts[j] - start)
            j += 1
        if inner:
            bounds = [0] + inner + [len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
            if len(orths) > 1:
                todo.append((tok, orths))
    if todo:
        with doc.retokenize() as retok:
            for tok, orths in todo:
                retok.split(tok, orths, heads=[(tok, 0)] * len(orths))
    return doc


def _old_span_root(span):
    """``span.root`` as claimx 0.1.0 called it: raises spaCy's E039 on an invalid tree."""
    return span.root


@contextlib.contextmanager
def _old_split():
    """The token split of claimx 0.1.0, and its hedge lookup's bare ``span.root`` (the assembly
    now survives the invalid tree the old split leaves: both causes are put back for the pills)."""
    from claimx.assembly.slots import modality
    from claimx.components import quantities

    saved = quantities.split_at, modality.span_root
    quantities.split_at, modality.span_root = old_split_at, _old_span_root
    try:
        yield
    finally:
        quantities.split_at, modality.span_root = saved


class PoisonedExtractor:
    """``pipe`` like :meth:`claimx.Extractor.pipe`, poisoned for the pills above."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def pipe(self, items, *, as_tuples=False, batch_size=16, n_process=1):
        assert as_tuples
        for text, ctx in items:
            if PLANTED_RAISE in text:
                raise ValueError("planted failure for the runner tests")
            poisoned = text in (HANG_PILL, E039_PILL)
            with _old_split() if poisoned else contextlib.nullcontext():
                yield from self.inner.pipe([(text, ctx)], as_tuples=True, batch_size=batch_size, n_process=1)


def install_on_dask_worker(model: str, key: str) -> int:
    """Put a :class:`PoisonedExtractor` of ``model`` in this Dask worker's cache under ``key``
    (run with ``client.run``); ``extract_distributed(model=key)`` then uses it."""
    from claimx import distributed

    inner, _ = distributed._get_extractor(model)
    distributed._EXTRACTORS[key] = (PoisonedExtractor(inner), threading.Lock())
    return 1


def corpus_lines(n: int = 1000) -> tuple[list[dict], dict[str, str]]:
    """``n`` JSONL records: ``n - 3`` ordinary articles and the three pills at fixed places.

    Returns the records and ``{doc_id: expected kind}`` of the pills.
    """
    pills = {10: ("hang", HANG_PILL), 400: ("e039", E039_PILL),
             777: ("planted", f"Output rose 4% in 2023. {PLANTED_RAISE}")}
    records = []
    for i in range(n):
        if i in pills:
            name, text = pills[i]
            records.append({"id": f"pill-{name}", "text": text})
        else:
            records.append({"id": f"art{i:04d}",
                            "text": f"Sales in region {i} rose {i % 9 + 1}% in {2000 + i % 24} to "
                                    f"${i % 50 + 1} million, the agency said."})
    kinds = {"pill-hang": "timeout", "pill-e039": "extraction_error", "pill-planted": "extraction_error"}
    return records, kinds
