"""Reading article corpora and writing claims.

Readers
-------
:func:`iter_articles` walks files and folders and yields, one at a time and in a deterministic
order, an :class:`Article` for every article it can read and a :class:`SkippedArticle` (with a
machine-readable ``kind`` and a human-readable ``reason``) for every one it cannot. Nothing is
dropped silently except hidden files and folders (names starting with ``.``).

Supported inputs (by file suffix):

* ``.txt``/``.text`` and files without a suffix: the whole file is the article text.
* ``.md``/``.markdown``: an optional YAML front matter block (``---`` ... ``---``/``...``) at the
  very start is parsed for ``id``, ``date``, ``title`` and ``url``; the article text is the body
  *after* the front matter, so character offsets of claims refer to the body
  (:attr:`Article.offset` gives where the body starts in the decoded file).
* ``.html``/``.htm``/``.xhtml``: main text, title, date and URL extracted with ``trafilatura``
  (optional extra ``claimx[html]``); offsets refer to the extracted text, which
  ``save_text`` writes out so they can be checked.
* ``.jsonl``/``.ndjson``: one JSON object per line with ``id`` and ``text`` and optional
  ``date`` (``YYYY-MM-DD``), ``title``, ``url``. A malformed line becomes a
  :class:`SkippedArticle` carrying its line number; the rest of the file is still read.
* ``-``: standard input; a JSONL corpus if its first non-blank byte is ``{``, otherwise one
  plain-text article with ``doc_id`` ``"stdin"``.

Encodings: a BOM (UTF-8, UTF-16, UTF-32) decides; otherwise strict UTF-8; otherwise, for a file
whose lines mix UTF-8 and Windows-1252, each line in its own (``encoding`` is
:data:`MIXED_ENCODING`, and the batch summary says so); otherwise Windows-1252
(the WHATWG reading of "latin-1") when the bytes decode as it and look like Western text;
otherwise the best guess of ``charset-normalizer`` (GB18030, Big5, Shift-JIS, cp1251, ...).
Newlines are never translated: offsets are into the text exactly as decoded.

Writers
-------
:func:`open_writer` returns a :class:`ClaimWriter` for JSONL (line by line, flushed per article,
fsynced on close), CSV or Parquet (the flat columns of :mod:`claimx.io.columns`, the same as
:func:`claimx.to_dataframe`'s, written to a temporary file in the same
folder and renamed over the target atomically on close). :func:`write_text` saves an article's
text as ``<doc_id>.txt`` for offset checks.
"""

from .columns import COLUMNS, Column
from .decode import decode_bytes
from .readers import STDIN, iter_articles, iter_inputs, walk_files
from .types import (
    DEFAULT_MAX_CHARS,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MD_SUFFIXES,
    MIXED_ENCODING,
    TEXT_SUFFIXES,
    Article,
    DecodeError,
    SkippedArticle,
    display_name,
)
from .writers import FORMATS, ClaimWriter, flat_columns, flatten_claim, open_writer, resolve_format, text_filename, write_text

__all__ = [
    "Article",
    "SkippedArticle",
    "ClaimWriter",
    "FORMATS",
    "DEFAULT_MAX_CHARS",
    "MIXED_ENCODING",
    "TEXT_SUFFIXES",
    "MD_SUFFIXES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "iter_articles",
    "iter_inputs",
    "STDIN",
    "walk_files",
    "decode_bytes",
    "DecodeError",
    "display_name",
    "resolve_format",
    "open_writer",
    "COLUMNS",
    "Column",
    "flat_columns",
    "flatten_claim",
    "write_text",
    "text_filename",
]
