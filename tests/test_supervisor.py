"""The supervisor on stand-in extractors (no model): order, failures, deadlines, dead workers, stops."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from claimx.models import Claim, Quantity
from claimx.runner.supervisor import Failure, Supervisor, deadline_for, stop_all


class Scripted:
    """``pipe`` whose behaviour per text is written in the text: ``sleep:S``, ``raise``, ``exit``,
    ``hang``; otherwise one claim whose value is the text's length."""

    def pipe(self, items, *, as_tuples=True, batch_size=16, n_process=1):
        for text, ctx in items:
            if text.startswith("sleep:"):
                time.sleep(float(text[6:]))
            elif text == "raise":
                raise KeyError("planted")
            elif text == "exit":
                os._exit(3)
            elif text == "hang":
                while True:
                    time.sleep(1)
            q = Quantity(text=text[:1] or "x", start_char=0, end_char=1, value=float(len(text)))
            yield [Claim(doc_id=None, quantity=q)], ctx


def _run(texts, **kw):
    sup = Supervisor(Scripted(), **kw)
    out = list(sup.run((t, {"doc_id": f"d{i}"}) for i, t in enumerate(texts)))
    return [(ctx["doc_id"], r) for r, ctx in out], sup


def _value(lines):
    return [json.loads(x)["quantity"]["value"] for x in lines]


def test_deadline_grows_with_length():
    assert deadline_for("x" * 10, 2.0) == 2.0
    assert deadline_for("x" * 25_000, 2.0) == 6.0


def test_results_in_input_order_with_two_workers():
    texts = [f"sleep:{0.05 * (i % 3)}" if i % 4 == 0 else "a" * i for i in range(40)]
    out, _ = _run(texts, workers=2, batch_size=3)
    assert [d for d, _ in out] == [f"d{i}" for i in range(40)]
    assert [_value(r)[0] for _, r in out] == [float(len(t)) for t in texts]
    assert all(json.loads(r[0])["doc_id"] == d for d, r in out)  # doc_id set from the context


def test_a_raising_article_fails_alone():
    out, _ = _run(["abc", "raise", "de"], batch_size=8)
    assert _value(out[0][1]) == [3.0] and _value(out[2][1]) == [2.0]
    f = out[1][1]
    assert isinstance(f, Failure) and (f.kind, f.error_type, f.message) == ("extraction_error", "KeyError", "'planted'")


def test_a_hung_article_times_out_and_its_batch_is_retried():
    t0 = time.monotonic()
    out, sup = _run(["abc", "hang", "de", "fgh"], timeout=0.5, batch_size=8)
    assert time.monotonic() - t0 < 10
    assert [type(r).__name__ for _, r in out] == ["list", "Failure", "list", "list"]
    assert out[1][1].kind == "timeout" and out[1][1].error_type == "TimeoutError"
    assert _value(out[3][1]) == [3.0]
    assert sup.respawned >= 2  # the batch's worker, then the hung article's own


def test_a_dying_worker_fails_its_article_and_is_replaced():
    out, sup = _run(["ab", "exit", "cde"], batch_size=1)
    f = out[1][1]
    assert f.kind == "extraction_error" and f.error_type == "WorkerDied" and "code 3" in f.message
    assert _value(out[2][1]) == [3.0] and sup.respawned == 1


def test_stop_returns_within_the_grace_and_kills_the_workers():
    flag = threading.Event()
    sup = Supervisor(Scripted(), workers=1, timeout=None, stop=flag.is_set, grace=0.2, batch_size=1)
    texts = ["ab", "hang", "cd"]
    got = []
    threading.Timer(1.0, flag.set).start()
    t0 = time.monotonic()
    for r, ctx in sup.run((t, {"doc_id": t}) for t in texts):
        got.append(ctx["doc_id"])
    assert time.monotonic() - t0 < 5
    assert got == ["ab"] and sup._workers == []


def test_stop_all_ends_a_run_from_another_thread():
    sup = Supervisor(Scripted(), workers=1, timeout=None, batch_size=1)
    done = []
    th = threading.Thread(target=lambda: done.extend(sup.run([("hang", {"doc_id": "h"})])))
    th.start()
    time.sleep(1.0)
    assert stop_all() >= 1
    th.join(5)
    assert not th.is_alive() and done == []


def test_bad_arguments():
    with pytest.raises(ValueError):
        Supervisor(Scripted(), workers=0)
    with pytest.raises(ValueError):
        Supervisor(Scripted(), timeout=0)
