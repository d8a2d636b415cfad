"""What an analyst sees: the terminal table of ``claimx extract`` and the HTML pages of
``claimx show`` and ``claimx eval --html``.

* :func:`show_page` - articles with their claims marked, and a table of the claims.
* :func:`eval_page` - the same for a gold comparison: misses, false positives, wrong slots.
* :func:`print_table` - the rich table and one-line summary printed at a terminal.

The pages are single self-contained HTML files (inlined CSS and script, a Content-Security-Policy
that allows nothing else, every text escaped). Rendering needs Jinja2 (a spaCy dependency) and
rich (a Typer dependency); both are declared by claimx.
"""

from __future__ import annotations

from .evalpage import eval_page
from .show import show_page
from .terminal import print_table

__all__ = ["eval_page", "print_table", "show_page"]
