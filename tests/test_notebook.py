"""Execute notebooks/walkthrough.ipynb headless (nbclient, kernel ``python3`` of this venv) and
check its key outputs: the claims DataFrame, the displaCy HTML of the seed, the PNG figure and the
per-slot score table."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from claimx.evaluate import SLOTS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.slow


def _run(nb: nbformat.NotebookNode, cwd: Path) -> nbformat.NotebookNode:
    # jupyter_client maps a kernelspec argv of "python" to sys.executable, so the kernel runs in
    # the interpreter running the tests (the venv with ipykernel installed).
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def _outputs(nb: nbformat.NotebookNode):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.outputs


def _text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for out in _outputs(nb):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
    return "\n".join(parts)


def _html(nb: nbformat.NotebookNode) -> list[str]:
    return [
        out.data["text/html"]
        for out in _outputs(nb)
        if out.output_type in ("execute_result", "display_data") and "text/html" in out.data
    ]


ROLES = ("QUANTITY", "ENTITY", "METRIC", "TIMEFRAME", "HEDGE")


class _TextNodes(HTMLParser):
    """Collect the non-blank text nodes of an HTML fragment, stripped, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.nodes.append(data.strip())


def _visible_text(html: str) -> tuple[str, list[str]]:
    """displaCy's span style renders each token in its own element and writes a span's label after
    its first token; return the page text without role labels and spaces, and the text nodes."""
    parser = _TextNodes()
    parser.feed(html)
    return "".join(n for n in parser.nodes if n not in ROLES).replace(" ", ""), parser.nodes


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("notebook_out")
    mp = pytest.MonkeyPatch()
    mp.setenv("CLAIMX_NOTEBOOK_OUT", str(out_dir))
    try:
        nb = _run(nbformat.read(NOTEBOOK, as_version=4), ROOT / "notebooks")
    finally:
        mp.undo()
    return nb, out_dir


def test_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "notebook has no code cells"
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_no_errors(executed):
    nb, _ = executed
    errors = [o for o in _outputs(nb) if o.output_type == "error"]
    assert errors == []
    # every code cell ran
    assert all(c.execution_count is not None for c in nb.cells if c.cell_type == "code")


def test_claims_dataframe(executed):
    nb, _ = executed
    text = _text(nb)
    m = re.search(r"\((\d+), (\d+)\)", text)  # print(df.shape)
    assert m, "DataFrame shape not printed"
    rows, cols = int(m.group(1)), int(m.group(2))
    assert rows > 10
    from claimx.frame import COLUMNS

    assert cols == len(COLUMNS) + 1  # the columns of claimx.to_dataframe plus "source"
    m = re.search(r"(\d+) article\(s\), (\d+) cases -> (\d+) claims", text)
    assert m and int(m.group(1)) >= 1 and int(m.group(2)) == 90 and int(m.group(3)) == rows
    # the seed's forecast 17.1% appears in a rendered table with its entity and hedge
    tables = [h for h in _html(nb) if "<table" in h]
    assert any("17.1%" in t and "forecast" in t for t in tables)
    assert re.search(r"\d+ asserted claims, \d+ hedged claims", text)


def test_displacy_html(executed):
    nb, out_dir = executed
    spans_html = [h for h in _html(nb) if "spans" in h and "QUANTITY" in h]
    assert spans_html, "no displaCy span visualisation in the outputs"
    html = spans_html[0]
    for label in ROLES:
        assert label in html, label
    text, nodes = _visible_text(html)
    assert "17.1%" in text  # the seed's forecast share, as shown on the page
    # "17.1" opens a QUANTITY span (the label follows the span's first token), "%" closes it
    i = nodes.index("17.1")
    assert nodes[i + 1 : i + 3] == ["QUANTITY", "%"]
    # and the forecast cue of that sentence is highlighted as a hedge
    j = nodes.index("expected")
    assert "HEDGE" in nodes[j - 3 : j + 2]
    saved = (out_dir / "seed_claims.html").read_text(encoding="utf-8")
    assert _visible_text(saved)[0] == text


def test_png_figure(executed):
    nb, out_dir = executed
    pngs = [o for o in _outputs(nb) if o.output_type == "display_data" and "image/png" in o.data]
    assert pngs, "no inline PNG figure"
    png = out_dir / "seed_claims.png"
    assert png.read_bytes()[:8] == PNG_MAGIC
    assert png.stat().st_size > 10_000


def test_score_tables(executed):
    nb, _ = executed
    tables = [h for h in _html(nb) if "<table" in h]
    slot_tables = [t for t in tables if "accuracy" in t and all(f">{s}<" in t for s in SLOTS)]
    assert slot_tables, "per-slot accuracy table missing"
    assert any("strict F1" in t and "precision" in t for t in tables)


def test_runs_from_repo_root():
    """The setup cells locate the repository from the repo root as well as from notebooks/."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    setup = copy.deepcopy(nb)
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    setup.cells = nb.cells[: first_code + 1]
    setup.cells.append(nbformat.v4.new_code_cell("print('ROOT=' + str(ROOT)); print(claimx.__file__)"))
    _run(setup, ROOT)
    text = _text(setup)
    assert f"ROOT={ROOT}" in text
    assert str(ROOT / "claimx" / "__init__.py") in text
