"""Generate ``docs/timeframes.md`` from the timeframe grammar's own data and outputs.

Run ``python -m claimx.grammar.timex_docs > docs/timeframes.md``. Every output cell is produced by
running :func:`claimx.grammar.timex.find_timeframes` on the example (without a reference date and
with :data:`REFERENCE_DATE`), and the conventions and cue tables are read from
``claimx/resources/time.json`` (:func:`claimx.grammar.timex.load_time_lexicon`), so the page
cannot drift from the code; ``tests/test_timex.py`` checks the committed page equals :func:`render`.
"""

from __future__ import annotations

import datetime as dt
import sys

from claimx.grammar.timex import find_timeframes, load_time_lexicon

#: the reference date of the "with reference date" column (a Thursday)
REFERENCE_DATE = dt.date(2026, 3, 12)

#: (kind of expression, example sentence); every kind of time expression the grammar reads
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("year", "Revenue rose 9% in 2024."),
    ("year with a deadline", "By 2025, the market will double."),
    ("end of a year (deadline)", "Output should triple by the end of 2027."),
    ("end- modifier", "The target is 40 GW by end-2028."),
    ("mid- modifier", "The mine closed in mid-2024."),
    ("start of a year (since)", "Imports have fallen since the start of 2024."),
    ("onwards", "New rules apply from 2027 onwards."),
    ("through (until)", "Capacity will expand 24% a year through 2030."),
    ("period from/to", "The market will grow 13% a year from 2025 to 2031."),
    ("period between/and", "Sales grew 21% a year between 2020 and 2025."),
    ("compact period", "A CAGR of 11.6% over 2025–2032 is expected."),
    ("compact period, two-digit end", "Emissions fell 3% a year over 2020-25."),
    ("period of quarters", "Output grew from Q1 2024 to Q3 2025."),
    ("period of months, year written once", "Rainfall was low from November to February 2025."),
    ("list of years", "Revenue in 2023, 2024 and 2025 was $8 million, $7 million and $6 million."),
    ("decade", "Prices tripled in the 2020s."),
    ("quarter code", "In Q3 2025, revenue rose 4%."),
    ("quarter code, year first / last", "Shipments hit 2 million in 1Q25 and 3 million in 2025Q2."),
    ("quarter with apostrophe year", "Orders rose 5% in Q1'25."),
    ("quarter in words", "Prices fell 2% in the fourth quarter of 2024."),
    ("quarter without a year", "Sales rose 3% in the third quarter."),
    ("quarter of this year", "As of the first quarter of this year, capacity was 26 GW."),
    ("possessive year", "Volumes fell 2% in 2025's first quarter."),
    ("first three months", "Sales rose in the first three months of 2024."),
    ("half code", "Margins widened in H1 2024 and in 2H24."),
    ("half in words", "Demand recovered in the first half of 2023."),
    ("half without a year", "Growth should pick up in the second half."),
    ("bare quarter (year never given)", "Margins rose in the quarter."),
    ("fiscal year code", "Losses narrowed in FY24 and FY2025."),
    ("fiscal year in words", "Revenue grew 9% in fiscal 2025."),
    ("split fiscal year", "Claims reached A$3.9 billion in fiscal 2023–24."),
    ("quarter of a fiscal year", "Sales topped 1 million in the first quarter of fiscal 2026."),
    ("this / last fiscal year", "Costs fell 2% last financial year."),
    ("fiscal year named by its end", "Profit rose 4% in the fiscal year ended March 2024."),
    ("FY named by its end date", "Sales were $9 million in FY ended June 30, 2025."),
    ("fiscal year ending, no year", "Sales fell in the fiscal year ended June."),
    ("year to a month (a period)", "House prices rose 5% in the year to June 2025."),
    ("N months to a month, no year", "Inflation was 3% in the 12 months to March."),
    ("year ended 31 December (a calendar year)", "Net income was $4 million for the year ended December 31, 2024."),
    ("six months ended 30 June (a half)", "Revenue grew 8% in the six months ended June 30, 2025."),
    ("nine months to a month", "Output fell 2% in the nine months to September."),
    ("year ended mid-month (day precision)", "Revenue was $5 million in the year ended 15 March 2025."),
    ("season", "Costs rose 8% in the summer of 2024."),
    ("month and year", "Rents rose 5% in June 2025."),
    ("month alone", "Inflation eased to 2.3% in October."),
    ("end of a month (as of)", "Stocks were 12 Mt at end-June."),
    ("date, month first", "The plant opened on June 30, 2025."),
    ("date, day first", "The plant opened on 30 June 2025."),
    ("date without a year", "It had 1,850 chargers as of June 30."),
    ("ISO date", "The plant opened on 2025-06-30."),
    ("numeric date, day > 12", "The plant opened on 30/06/2025."),
    ("numeric date, US order, day > 12", "The plant opened on 06/30/2025."),
    ("numeric date, ambiguous (not read)", "The plant opened on 03/04/2025."),
    ("dotted date (day first)", "Stocks were 4 Mt as of 30.06.2025."),
    ("year-first slashed date", "The plant opened on 2025/06/30."),
    ("weekday", "Shares fell 4.1% on Tuesday."),
    ("today / tomorrow", "Shares rose 3% today and will open lower tomorrow."),
    ("this / last / next year", "We delivered 1,450 buses last year."),
    ("last quarter / next month", "Orders slowed last quarter and may recover next month."),
    ("year-end", "Rates will fall by year-end."),
    ("the past year", "Prices rose 9% over the past year."),
    ("the past N years", "Output doubled over the past five years."),
    ("the past N months", "Rents rose 4% in the past 12 months."),
    ("the next decade", "Demand will triple in the next decade."),
    ("over the next year (span)", "Freight rates could climb 6% over the next year."),
    ("up to a year (until)", "Coal output is set to shrink 3% a year up to 2032."),
    ("year to date", "Sales are up 12% year to date."),
    ("YTD / so far this year", "Returns were 4% YTD, and shipments rose 3% so far this year."),
    ("quarter to date", "Volumes are 5% higher quarter to date."),
    ("relative to the sentence: a year earlier", "It lost $41 million in H1 2025, against a profit a year earlier."),
    ("relative to the sentence: the same period", "Sales were flat versus the same period last year."),
    ("the past / next N quarters", "Margins fell over the past two quarters and should rise in the next three quarters."),
    ("within N years (not read)", "Output will double within five years."),
    ("period of months, no year", "Exports rose from August to October."),
    ("glued months, year written once", "Rain fell in Nov-Feb 2025."),
    ("month in lower case after a cue", "Prices rose in march and fell in dec."),
    ("month with a relative year", "Output will peak in June next year."),
    ("the Nth month of a year", "Hiring slowed in the third month of 2025."),
    ("the last N months of a year", "Sales rose in the last four months of 2024."),
    ("quarter named by its last month", "Gold output rose in the September quarter."),
    ("year in words", "Tariffs were cut in nineteen ninety six and again in two thousand and five."),
    ("month and year in words", "The plant opened in August two thousand and fifteen."),
    ("century", "Coal powered the 19th century."),
    ("this decade", "Demand will double this decade."),
    ("week to a weekday", "Mortgage rates fell in the week to Friday."),
    ("end of the decade", "Output will triple by the end of the decade."),
    ("two units away", "Rates should fall the year after next."),
    ("later in the year", "Demand will pick up later in the year."),
    ("end of month / EOY", "Stocks will be reported at end of month and at EOY."),
    ("calendar year code", "Sales rose in CY24."),
    ("not a year: a count in words", "Aid reached two thousand homes."),
    ("not a year: money, units, counts", "The budget is $2025 million for 2025 MW and over 2000 people."),
    ("not a quarter: product names", "Deliveries of the Audi Q4 e-tron rose."),
)


def _cell(s: object) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def _value(m) -> str:
    if m.value is None:
        return f"*offset {m.offset_years:+d} y*" if m.offset_years is not None else ""
    return f"`{m.value}`"


def _rows() -> list[str]:
    out = ["| kind | example | matched text | value (no reference date) | "
           f"value (reference {REFERENCE_DATE.isoformat()}) | relation |",
           "| --- | --- | --- | --- | --- | --- |"]
    for kind, ex in EXAMPLES:
        plain = find_timeframes(ex)
        dated = find_timeframes(ex, reference_date=REFERENCE_DATE)
        if not plain and not dated:
            out.append(f"| {_cell(kind)} | {_cell(ex)} | *(no match)* | | | |")
            continue
        by_span = {(m.start_char, m.end_char): m for m in dated}
        for i, m in enumerate(plain):
            d = by_span.get((m.start_char, m.end_char))
            out.append(
                f"| {_cell(kind) if i == 0 else ''} | {_cell(ex) if i == 0 else ''} | `{_cell(m.text)}` | "
                f"{_value(m)} | {_value(d) if d else '*(differs)*'} | {m.relation} |"
            )
    return out


def render() -> str:
    """Return the Markdown text of ``docs/timeframes.md`` (a ``str`` ending in a newline)."""
    lex = load_time_lexicon()
    lines = [
        "# Timeframes (TIMEX3)",
        "",
        "Generated by `python -m claimx.grammar.timex_docs > docs/timeframes.md` from",
        "`claimx/resources/time.json`; the output columns come from running",
        "`claimx.grammar.timex.find_timeframes` on each example, without a reference date and with",
        f"reference date {REFERENCE_DATE.isoformat()} (a {REFERENCE_DATE:%A}).",
        "",
        "## Expressions and their values",
        "",
        *_rows(),
        "",
        "A value of *offset* means the expression is relative to another timeframe of its sentence;",
        "the claim assembly shifts that timeframe's year by the offset.",
        "",
        "## Conventions (`_conventions` in `time.json`)",
        "",
        *[f"- {_cell(c)}" for c in lex.conventions],
        "",
        "## Relation cues",
        "",
        "| relation | cue words before the expression |",
        "| --- | --- |",
        *[f"| `{rel}` | {', '.join(_cell(w) for w in ws)} |" for rel, ws in lex.relation_cues.items()],
        f"| days only (`in`) | {', '.join(lex.day_cues)} |",
        "",
        "A cue listed under `range` only opens a period (`over 2025–2032`). Without a cue an expression",
        "has relation `in`, a period `between`; an `end`/`start` modifier with no cue or with `at` gives",
        "`as_of`; `onwards` gives `since`.",
        "",
        "## Position modifiers",
        "",
        "| position | words | effect |",
        "| --- | --- | --- |",
        *[f"| {pos} | {', '.join(_cell(w) for w in ws)} | value unchanged; relation as above |"
          for pos, ws in lex.position_modifiers.items()],
        "",
        "## Periods named by their end",
        "",
        f"Connectors: {', '.join(lex.period_end_connectors)}. Lengths in months: "
        + ", ".join(f"{k} = {v}" for k, v in lex.period_months.items())
        + "; `N months` takes N from a digit or a count word ("
        + ", ".join(f"{k} = {v}" for k, v in lex.count_words.items()) + ").",
        "",
        "## To date",
        "",
        "Abbreviations: " + ", ".join(f"{k} = {v}" for k, v in lex.to_date_abbreviations.items())
        + "; prefixes before `this year|quarter|month`: " + ", ".join(lex.to_date_prefixes) + ".",
        "",
        "## Years and two-digit years",
        "",
        f"A four-digit year lies in {lex.year_min}–{lex.year_max}; two-digit years below "
        f"{lex.two_digit_year_pivot} are 20YY, the others 19YY.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """Write the Markdown page to stdout."""
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
