"""Texts that once took a whole run down: each must now extract, with its real values, in time.

Each extraction runs in a forked child under a deadline (the parent kills it): a text that
makes spaCy's parser loop forever fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import pickle
import signal
import time

import pytest

DEADLINE = 30.0  # seconds; a correct extraction of these texts takes milliseconds


def within(seconds, fn, *args):
    """``fn(*args)`` in a forked child; its pickled result, or a failure when it is too slow."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(r)
        try:
            data = pickle.dumps(("ok", fn(*args)))
        except BaseException as exc:  # noqa: BLE001
            data = pickle.dumps(("err", f"{type(exc).__name__}: {exc}"))
        with os.fdopen(w, "wb") as fh:
            fh.write(data)
        os._exit(0)
    os.close(w)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.02)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
        pytest.fail(f"not done within {seconds} s")
    with os.fdopen(r, "rb") as fh:
        status, value = pickle.loads(fh.read())
    if status != "ok":
        pytest.fail(value)
    return value


def _values(extractor, text):
    return [(c.quantity.text, c.quantity.value, c.quantity.unit, c.modality, c.hedge.text if c.hedge else None)
            for c in extractor.extract(text)]


@pytest.mark.parametrize("text,last", [
    ("1 5 75 34bps", ("34bps", 34.0, "bp")),  # issue 12, defect 1
    ("1 5 75 34bp", ("34bp", 34.0, "bp")),
    # new texts of the same kind: bare numbers then a unit glued to the last one
    ("2 9 40 12bps", ("12bps", 12.0, "bp")),
    ("7 3 18 61 5bp", ("5bp", 5.0, "bp")),
])
def test_glued_unit_after_bare_numbers_does_not_hang_the_parser(extractor, text, last):
    got = within(DEADLINE, _values, extractor, text)
    assert got[-1][:3] == last
    assert [g[1] for g in got[:-1]] == [float(t) for t in text.split()[:-1]]


@pytest.mark.parametrize("text,first,second", [
    ("8 will\n5x~", ("8", 8.0, None, "forecast", "will"), ("5x", 5.0, "x", "forecast", "will")),  # defect 2 (E039)
    ("3 may\n2x~", ("3", 3.0, None), ("2x", 2.0, "x")),
    ("6 could\n4x!", ("6", 6.0, None), ("4x", 4.0, "x")),
])
def test_modal_before_a_glued_multiple_gives_a_valid_tree(extractor, text, first, second):
    got = within(DEADLINE, _values, extractor, text)
    assert [g[:len(first)] for g in got] == [first, second[:len(first)]]


def test_split_tokens_leave_no_parse_behind(extractor):
    """The quantity component cuts tokens without setting heads: the parser sees plain tokens."""
    from claimx.components.quantities import split_at

    doc = extractor.nlp.make_doc("Costs hit USD41.3 million, or 12.4M.")
    doc._.claimx_context = {"x": 1}
    out = split_at(doc, [10, 13, 34, 35])
    assert [t.text for t in out] == ["Costs", "hit", "USD", "41.3", "million", ",", "or", "12.4", "M", "."]
    assert out.text == doc.text
    assert not out.has_annotation("DEP") and not out.has_annotation("SENT_START")
    assert out._.claimx_context == {"x": 1}
    parsed = extractor.nlp.get_pipe("parser")(extractor.nlp.get_pipe("tagger")(out))
    assert parsed.has_annotation("DEP") and all(t.head.i < len(parsed) for t in parsed)
