"""Find every quantity in a raw text and normalise it (pure functions, no spaCy).

Entry points: :func:`find_quantities` and :func:`guess_currency_hint`. The grammar scans the text
once, left to right. Two compiled prefilters find the positions where a numeric core can start
(digit runs, leading-dot decimals, unicode fractions; starter words such as "two", "half",
"several", "a" before "third"/"few"/"million"), so number-free prose costs one C-level regex
pass. At each candidate an anchored regex reads the core (digits, number words, fractions,
multipliers, vague amounts, scale adjectives); anchored regexes then read the currency, scale
word, unit, compound ``per`` unit and comparator around it, each behind a one-character guard,
and a second core after ``to``/``-``/``and`` turns it into a range. Every step looks at a
bounded window, so the scan is linear in the text length (``benchmarks/adversarial.py``).

The grammar is split along its seams, each module importing only the ones before it:
``quantities_patterns`` (cue lexicon, regexes, guards, prefilters), ``quantities_base`` (the
working record, look-around helpers), ``quantities_context`` (codes, attributive use,
comparators, range sides), ``quantities_after`` (currency, scale, unit and
sub-unit after a number), ``quantities_emit`` (building the matches, passes over the list),
``quantities_core`` (the core readers and their fast path) and this module: the scan loop with
its range step. The scan loop and :func:`_try_range` live together here because both call
:func:`_fast_digits` through this module's namespace (the property tests replace it here to
compare the fast path with the general one). The private names other modules and the tests use
are re-exported from here. No reader keeps state between calls: the currency hint is passed down
as an argument, so concurrent calls (threads) with different hints are safe.
"""

from __future__ import annotations

from typing import Optional

from claimx.grammar import number_context as FC
from claimx.grammar import number_forms as F
from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar.quantities_after import _read_after_number
from claimx.grammar.quantities_base import _ascii_lower, _peek, _Q, _window
from claimx.grammar.quantities_context import (
    _bare, _carry_to_start_point, _CMP_SYMBOL_LAST, _forecast_range, _glued_comparator, _left_extend,
    _mark_attributive, _may_have_suffix, _next_lower, _prev_lower, _same_unit, _share_unit,
    _suffix_comparator,
)
from claimx.grammar.quantities_core import _core, _fast_digits
from claimx.grammar.quantities_emit import (
    _carry_to_conversion, _emit, _join_bounds, _join_count_ratios, _new_match, _resolve_minor,
    _share_unit_backwards,
)
from claimx.grammar.quantities_patterns import (
    _AGE_LAST, _AGE_WORDS, _CHANGE_WORDS, _CONN_FIRST, _CONNECTOR_RE, _CORE_RE, _DIGIT_CAND_RE, _DIGIT_CORE_RE,
    _DIGITS, _LOOK, _RANGE_VERBS, _SCORE_WORDS, _SP_CHARS, _STARTERS, _SUFFIX_FIRST, _TIMEOUT, _UFRAC_CHARS,
    _WORD_CAND_RE, _YEARS,
)
from claimx.grammar.types import QuantityMatch


def _try_range(text: str, q1: _Q, lo: int, hint: Optional[str]) -> tuple[Optional[_Q], Optional[_Q]]:
    """Return ``(range, None)`` when ``q1`` opens a range, ``(None, q2)`` when ``q1``, the
    connector and the next number ``q2`` form a score line that holds no quantity ("a 1-0 win";
    rule ``_score_note`` in ``quantity_cues.json``), else ``(None, None)``. Call it only when
    the first character after ``q1.end`` that is not a space is in ``_CONN_FIRST``."""
    if q1.raw is None or q1.form not in ("digits", "words"):
        return None, None
    # (the caller has checked that the first non-space character after q1 is in _CONN_FIRST)
    cm = _CONNECTOR_RE.match(text, q1.end, q1.end + _LOOK)
    if not cm:
        return None, None
    conn = cm.group("c").strip().lower()
    if conn.startswith("-") and len(conn) > 1:  # "8- to 10-year-olds", "320- to 640-inch"
        conn = conn[1:].strip()
    lead_word, lead_len = "", 0
    # previous word of q1 (made on first need); a window of at most one character holds none
    prev1: Optional[str] = "" if q1.start - lo <= 1 else None
    lw = "" if prev1 == "" else _window(text, lo, q1.start, 12)
    if lw and lw[-1].isspace():
        lt = lw.rsplit(None, 1)
        if lt and lt[-1].lower() in ("between", "from"):
            lead_word = lt[-1].lower()
            lead_len = len(lw) - (len(lw.rstrip()) - len(lt[-1]))
    if conn == "and" and lead_word != "between":
        return None, None
    m2 = None
    for off in range(0, 5):  # room for a currency symbol before the second number
        p2 = cm.end() + off
        if p2 >= len(text):
            break
        ch = text[p2]
        if not (ch.isalnum() or ch == "." or ch in _UFRAC_CHARS) or (ch.isalpha() and text[p2 - 1].isalpha()):
            continue  # no core can start here (cores start with a digit, "." or a word after \b)
        m2 = _DIGIT_CORE_RE.match(text, p2) if ch.isdigit() else _CORE_RE.match(text, p2, timeout=_TIMEOUT)
        if m2 is not None:
            break
    if m2 is None or m2.lastgroup not in ("digits", "words"):
        return None, None
    r2 = _fast_digits(text, m2, cm.end(), hint) if ch.isdigit() else None
    q2, _ = _core(text, m2, cm.end(), hint) if r2 is None else r2
    if q2 is not None and q2.raw is not None and q2.raw < 0 and q2.start == cm.end() - 1 \
            and cm.group("c")[0] in _SP_CHARS and q1.raw is not None and -q2.raw > q1.raw >= 0 \
            and q2.unit not in ("Cel", "[degF]", "K"):  # "a 75 -300mm lens": the dash is no sign here
        q2.raw, q2.start = -q2.raw, cm.end()
        q2.digits = q2.digits[1:] if q2.digits and q2.digits[0] == "-" else q2.digits
    if q2 is None or q2.start != cm.end() or q2.raw is None:
        return None, None
    if conn == "or":
        # "three or four times", "10 or 12 weeks": a range only when the first number is bare,
        # written like the second, and the second is the larger but at most about twice it
        # ("5 or 500" and "12% or 3 points" are alternatives, not ranges)
        if not (_bare(q1) and q1.form == q2.form and 0 <= q1.raw < q2.raw <= 2 * q1.raw + 1
                and q1.comparator == "=" and lead_word == ""):
            return None, None
    word_scale = None
    if q2.form == "words":  # the digit path has read its right side: "two to three years"
        if q1.form == "words":  # "two to three million": the scale word is written once
            last = text[q2.nstart:q2.nend].rsplit(None, 1)[-1].lower()
            word_scale = N.SCALE_WORDS.get(last) or (100.0 if last == "hundred" else None)
        _read_after_number(text, q2, hint, points_ctx=None, lo=cm.end())
    if _may_have_suffix(text, q2.end):
        _suffix_comparator(text, q2)
    dash = conn in ("-", "\u2013", "\u2014", "\u2012", "~")
    if dash and q2.form == "digits" and q1.form == "digits" and q1.nend - q1.nstart <= 2 \
            and q2.nend - q2.nstart <= 2 and _bare(q1) and _bare(q2) and q1.start == q1.nstart \
            and text[q1.nstart:q1.nend].isdigit() and text[q2.nstart:q2.nend].isdigit():
        if prev1 is None:
            prev1 = _prev_lower(text, lo, q1.start)
        if q1.raw >= q2.raw or prev1 in _SCORE_WORDS or (
                text[q2.end:q2.end + 1] in _SP_CHARS and _next_lower(text, q2.end) in _SCORE_WORDS):
            return None, q2  # a score or vote line: "a 1-0 win", "won 3-2", "lost 1-3"
    if lead_word == "between":
        is_range = True
    elif lead_word == "from":
        before_from = _prev_lower(text, lo, q1.start - lead_len)
        if before_from in _RANGE_VERBS:  # "prices range from $410,000 to $4.8 million"
            is_range = conn != "and" and (_bare(q1) or _same_unit(q1, q2))
        else:  # "from 200 to 3,000,000" (both bare: only upwards), but "rose from 5 to 7" is a change
            is_range = _bare(q1) and before_from not in _CHANGE_WORDS and (not _bare(q2) or q1.raw < q2.raw)
    else:
        if prev1 is None:
            prev1 = _prev_lower(text, lo, q1.start)
        is_range = (_bare(q1) or _same_unit(q1, q2)) and q1.comparator in ("=", "~") and (
            dash or prev1 not in _CHANGE_WORDS or _forecast_range(text, lo, q1, q2, conn))
        if dash and q1.has_scale != q2.has_scale and not _bare(q1):
            is_range = False
    if not is_range:
        if lead_word == "from" and conn == "to":
            _carry_to_start_point(q1, q2)
        return None, None
    if q1.comparator == "~" and q2.raw is not None and q1.raw * (
            q2.scale if not q1.has_scale and q2.has_scale and abs(q1.raw) < 1000 else q1.scale) > q2.raw * q2.scale:
        return None, None  # "about 3.6–0.4 million": an approximate range goes upwards (q1 untouched)
    if not q1.has_scale and q2.has_scale and abs(q1.raw) < 1000:
        q1.scale = q2.scale
    if word_scale and q1.raw < word_scale and q1.scale == 1.0:
        q1.raw *= word_scale
    _share_unit(q1, q2)
    lo_v, hi_v = q1.value, q2.value
    if lo_v is None or hi_v is None:
        return None, None  # a bound beyond the float range: no range of two finite values

    r = q1  # q1 is ours to reuse
    if lead_word == "between":
        r.start = q1.start - lead_len
    r.end = q2.end
    r.nend = q2.nend
    if q2.form == "attributive":  # "a 3-5-year plan"
        r.form = "attributive"
    elif q2.form == "multiplier" and q1.unit == "x":  # "three or four times"
        r.form = "multiplier"
    r.raw = None
    r.rng = (lo_v, hi_v)
    return r, None


def find_quantities(text: str, *, currency_hint: Optional[str] = None) -> list[QuantityMatch]:
    """Every quantity in ``text``, normalised, sorted by ``start_char``, never overlapping.

    Args:
        text: raw text (any length; offsets refer to it as given).
        currency_hint: ISO 4217 code used to resolve ambiguous symbols and names: ``$`` and
            ``dollars`` default to USD, ``¥``/``￥`` to JPY, ``£`` to GBP, ``Rs``/``rupees`` to INR,
            ``kr`` to SEK; a hint among a symbol's candidates wins (``"CNY"`` makes ``¥`` CNY,
            ``"AUD"`` makes ``$`` AUD). See ``resources/currencies.json``.

    Returns:
        A list of :class:`~claimx.grammar.types.QuantityMatch`; ``text[m.start_char:m.end_char]
        == m.text`` always. Values have scale words applied; ranges have ``value=None`` and
        ``lower``/``upper``; ``base_value``/``base_unit`` give SI base forms (via pint) for
        physical units. Years, dates, times of day, ordinals, numbers inside names, labels
        ("Table 2"), versions ("Python 3.11", "v2.3"), digit codes (ISO dates "2025-06-30",
        phone numbers, ISBNs), ranking expressions ("top 10"), footnote markers and anaphoric
        word counts ("the two lines") are not returned. Hyphenated duration and count-noun
        modifiers before a noun ("a 10-year bond", "a 300-page report") are returned with
        ``form="attributive"``: they are not claims (rule in ``quantity_cues.json``).

    Never raises on any ``str`` input; a regex that runs over its time budget ends the scan
    early (the matches found so far are returned).
    """
    out: list[QuantityMatch] = []
    pending: list[tuple[int, _Q]] = []  # sub-unit amounts whose currency is inferred
    money_at: list[tuple[int, str]] = []  # (start, ISO code) of the other money amounts
    pos = 0
    lo = 0
    n = len(text)
    low: Optional[str] = None  # " " + ASCII-lower-cased text, made on first need
    dc = wc = None  # next digit / word candidate at or after ``pos``
    d_done = w_done = False
    while pos < n:
        if not d_done and (dc is None or dc.start() < pos):
            dc = _DIGIT_CAND_RE.search(text, pos)
            while dc is not None and dc.start() > 0 and text[dc.start() - 1] in _DIGITS and dc.group()[0] in _DIGITS:
                dc = _DIGIT_CAND_RE.search(text, dc.end())  # inside a digit run: not a start
            d_done = dc is None
        if not w_done and (wc is None or wc.start() < pos):
            if low is None:
                low = " " + _ascii_lower(text)
            wc = _WORD_CAND_RE.search(low, pos)  # low[i] is text[i - 1]: the match starts on the word
            w_done = wc is None
        if dc is None and wc is None:
            break
        if wc is None or (dc is not None and dc.start() <= wc.start()):
            start = dc.start()
            c0 = text[start]  # a digit, the "." of a leading-dot decimal or a unicode fraction
            is_digit = c0 in _DIGITS
            cand_end = start + (2 if c0 == "." else 1)  # ".5": skip its digit too
        else:
            start, is_digit = wc.start(), False
            cand_end = wc.end() - 1
        try:
            m = _DIGIT_CORE_RE.match(text, start) if is_digit else _CORE_RE.match(text, start, timeout=_TIMEOUT)
        except TimeoutError:
            break
        if m is None:
            pos = cand_end
            continue
        r = _fast_digits(text, m, lo, currency_hint) if is_digit else None
        q, nxt = _core(text, m, lo, currency_hint) if r is None else r
        if q is None:
            pos = max(nxt, m.start() + 1)
            continue
        if q.form not in ("digits", "attributive"):  # the digit path has read its right side
            _read_after_number(text, q, currency_hint, points_ctx=q.start if q.form == "words" else None, lo=lo)
            _mark_attributive(text, q)
        bare_one = q.form == "words" and q.unit is None and q.money is None and q.unit_info is None \
            and q.raw == 1 and text[q.nstart:q.nend].lower() == "one"
        c = text[q.end:q.end + 1]  # (as _may_have_suffix: guards here save calls on dense input)
        if c == "+" or (c in _SP_CHARS and _peek(text, q.end) in _SUFFIX_FIRST):
            _suffix_comparator(text, q)
        if q.comparator in ("=", "~") and q.start > lo + 1 and text[q.start - 1].isspace():
            # (a window of one whitespace character holds no comparator)
            _left_extend(text, q, lo)
        elif q.comparator == "=" and q.start > lo and text[q.start - 1] in _CMP_SYMBOL_LAST:
            _glued_comparator(text, q, lo)
        if q.comparator in ("<", ">") and _may_have_suffix(text, q.end):
            _suffix_comparator(text, q)  # "less than 5000 or equal"
        rng = None
        c = text[q.end:q.end + 1]  # a connector next (as _peek(text, q.end) in _CONN_FIRST)
        if q.raw is not None and (c in _CONN_FIRST or (c in _SP_CHARS and _peek(text, q.end) in _CONN_FIRST)):
            rng, skip = _try_range(text, q, lo, currency_hint)
            if skip is not None:
                lo = pos = skip.end
                continue
        if rng is not None:
            q = rng
        if q.unit is None and q.money is None and q.form in ("digits", "words") and q.start >= 2 \
                and text[q.start - 1] == " " and text[q.start - 2] in _AGE_LAST \
                and _prev_lower(text, lo, q.start) in _AGE_WORDS:  # "adults aged 25 to 54"
            q.unit_info, q.unit, q.form = _YEARS, _YEARS.symbol, "attributive"
        elif rng is not None:
            pass
        elif bare_one:
            pos = max(nxt, m.end())
            continue  # a bare "one" is not a quantity ("one or two" above is a range)
        if q.money is not None:
            if q.minor is not None and not q.minor_fixed:
                pending.append((len(out), q))
            else:
                money_at.append((q.start, q.money))
        out.append(_emit(text, q, q.rng))
        lo = pos = q.end
    if pending:
        _resolve_minor(text, out, pending, money_at, currency_hint)
    if not out:
        return out  # (every pass below returns an empty list as it is)
    out = F.extend_number_forms(text, _join_count_ratios(text, out))
    out = FC.per_population(text, FC.percent_of(text, FC.drop_in_urls(text, FC.digit_lists(text, out))))
    if len(out) < 2:
        return out  # (the passes below join or compare neighbours)
    return _carry_to_conversion(text, _share_unit_backwards(text, _join_bounds(text, out)))


def guess_currency_hint(text: str) -> Optional[str]:
    """Guess the ISO 4217 code that ambiguous symbols in ``text`` most likely mean, from
    country and currency cue words (``resources/currencies.json`` ``hint_cues``).

    Returns the code whose cues occur at least 3 times and at least twice as often as any
    other code's, else ``None``. One linear scan; e.g. an article that mentions yuan, RMB or
    China several times -> ``"CNY"``.
    """
    counts = U.count_hint_cues(text)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    top, c = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if c >= 3 and c >= 2 * second:
        return top
    return None
