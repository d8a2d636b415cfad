"""Generate ``docs/quantities.md`` from the grammar's own resource files and outputs.

Run ``python -m claimx.grammar.docs > docs/quantities.md``. Every "output" cell is produced by
running :func:`claimx.grammar.quantities.find_quantities` on the example, and every lexicon
table is read from ``claimx/resources/*.json``, so the page cannot drift from the code.
"""

from __future__ import annotations

import sys
from typing import Iterable

from claimx.grammar import numbers as N
from claimx.grammar import units as U
from claimx.grammar._resources import load
from claimx.grammar.quantities import find_quantities

#: (kind of expression, example sentence)
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("thousands separators (comma)", "It holds €2,345,678.91 in cash."),
    ("thousands separators (thin / narrow no-break space)", "The city had 1\u2009482\u2009300 residents."),
    ("leading-dot decimal", "The rate is .5 per cent."),
    ("minus sign U+2212", "Coal use fell at a CAGR of −9.5% over the decade."),
    ("footnote marker kept out", "Wind may supply 17.4%³ of power."),
    ("citation kept out", "It reached 2.3 million students[12] so far."),
    ("scale word", "Revenue was $757.58 billion."),
    ("scale abbreviation", "Revenue was $4.6 bln and profit $310 mn."),
    ("glued K / M", "It employs 48.5K people and has 12.4M users."),
    ("lakh / crore", "Loans of Rs 1,620 crore reached 4.5 lakh farmers."),
    ("stacked scale words", "The outlay was ₹1.26 lakh crore, a thousand crore rupees more; £5 thousand million."),
    ("ISO code glued / spaced", "A loss of USD41.3 million against GBP 19 million."),
    ("scale letter glued to an ISO code", "Sales were 45 MUSD, costs 980 kEUR and wages 1,200 TSEK."),
    ("currency name", "Imports reached 2.6 trillion yuan."),
    ("country qualifier before a dollar sign", "Sales were HK $5.1 billion, $US48,250,000 ($A71,100,000) in all."),
    ("currency symbol after the number", "Tickets cost 5 € and 100 ₡; a loan of 12,34,567.89 rupees."),
    ("amount in two units", "It cost 3 dollars 50 cents; they paid 75 USD million."),
    ("fraction of a scale word", "It costs half a million dollars or a quarter million euros."),
    ("imperial and other units", "A 210-hp engine makes 300 pound-feet; a 3-inch pipe at 50 ksi; 1,200 sq ft."),
    ("feet and inches, mixed fractions", "He is 5 ft 2 in tall and ran 10 1/2 miles."),
    ("pounds as a weight (mass cue)", "The parcel weighs 25 pounds and costs 25 pounds."),
    ("ages that define a group (not claims)", "Among adults aged 25 to 54, 12% agreed."),
    ("numbers inside names and dates", "The s&p 500 and COVID -19 on Sept. 12-14 rose 3%."),
    ("range verb, suspended hyphen", "Prices range from $410,000 to $4.8 million for 8- to 10-year-olds."),
    ("comparator symbols and two bounds", "Values >30, ≤ 5% and ~2.5mm; more than 10 and less than 40."),
    ("signs and minus", "The Nasdaq +0.4%, GDP -2.1%, minus 40 Celsius."),
    ("glued m as million, hundred", "It shipped 2.5m tonnes to 40m of its users, 3 hundred million in all."),
    ("rates with a and per game", "Oil at $61 a barrel, 80,000 barrel-a-day, 18.2 points per game."),
    ("index points, scientific notation", "The index lost 210 points, or 0.7%; 6.02e23 and 3.1×10−6."),
    ("comparator into a bracketed conversion", "It flew more than 120 kilometres (75 miles)."),
    ("word decimals, fractions, dozens", "Five point five of them, three fifths, 3 dozen and five and a half million."),
    ("a bare number shares the next unit", "They were given 45 and 50 mg; it fell to $-9.5 million."),
    ("frequencies", "It runs four times per week."),
    ("ambiguous symbol with hint CNY", "It cost ¥48 billion."),
    ("currency sub-units (value in the main unit)",
     "Power costs 40.1 cents per kilowatt-hour; a pie 99p; diesel 50 paise more; fares 30 fen."),
    ("currency sub-unit with its currency written", "Charging costs 10 euro cents per kWh, or 40 US cents."),
    ("sub-unit takes the nearest money amount's currency", "Power is €0.30/kWh in Germany and 28 cents per kWh in France."),
    ("word number", "Forty-two municipalities signed."),
    ("word number with scale", "Twenty-five million households lack power."),
    ("word number with fraction", "The strike lasted three and a half months."),
    ("approximate word number", "Some two hundred suppliers signed."),
    ("dozen", "A dozen carmakers signed."),
    ("fraction word", "A third of it went to clinics."),
    ("half a scale", "The grant was half a million dollars."),
    ("one in N", "One in four schools has none."),
    ("unicode fraction", "Prices rose 2½ times."),
    ("vague plural", "Millions of developers use it."),
    ("vague with unit", "It took several weeks."),
    ("a couple hundred", "A couple hundred workers joined."),
    ("scale adjective", "A trillion-dollar market."),
    ("percent", "Vote share climbed to 41.6 per cent."),
    ("percentage points", "Margin widened by 1.2pp."),
    ("points on a share", "Share was 56%, up 4 points."),
    ("basis points", "The bank cut rates by 25 basis points."),
    ("multiplier", "It holds 310 times the records; 12-fold, threefold, twice, 3x."),
    ("comparator inside span", "There are over 100,000 datasets, at least 45,000 staff, up to 40% of costs."),
    ("comparator suffix", "100 or more firms delayed hiring."),
    ("finite verb comparator (outside span)", "Scale has surpassed 1.2 trillion yuan."),
    ("range with shared scale", "It holds 10 to 20 billion cubic metres of water."),
    ("range with dash", "Wages will grow 3-5% next year."),
    ("range with between", "It may cost between US$210 billion and $340 billion."),
    ("word-number ranges (unit and scale of the last item carried back)",
     "It takes two to three years, costs between five and seven per cent, or twenty to thirty million dollars."),
    ("range with or (bare first number, second at most about twice it)", "It is three or four times larger; 10 or 12 weeks."),
    ("range with from (shared unit)", "Sensors operate from −40 to 85 °C."),
    ("change from X to Y (two matches)", "Commutes dropped from 62 minutes to 48 minutes."),
    ("data", "Holdings exceed 3.6 petabytes; tapes hold 12 PB."),
    ("compute", "It reached 188.2 quintillion floating-point operations per second, or 2.1 EFLOPS."),
    ("power / energy", "Wind farms had 72 GW and generated 136 TWh."),
    ("mass / length", "Exports reached 742 500 t over 380 km."),
    ("temperature", "It peaked at 45 °C."),
    ("duration", "Design time fell to under 72 hours."),
    ("compound: money per unit", "Coal traded at 860 yuan per ton; power at $48 per megawatt-hour."),
    ("compound: per capita", "Use averages about 50,000 kWh per capita."),
    ("compound: speed / per km", "Top speed 350 km/h, 19 kWh per kilometre."),
    ("compound: per time", "Output was 2 million barrels per day."),
    ("not quantities: years and periods", "In 2025, fiscal 2023–24, FY2025, Q1 2025, H1 2024, 2020-25."),
    ("not quantities: names", "GPT-5.5, DeepSeek—V4, COVID-19, A100, Windows 11, Kestrel-2, CO2."),
    ("not quantities: index and ranking names (index_names)", "The S&P 500 and FTSE 100 rose; Fortune 500 firms; Nikkei 225."),
    ("not quantities: score and vote lines", "A 1-0 win; they won 3-2 and lost 1-3; a 5-4 ruling."),
    ("decimal after an acronym is a quantity (versions need a version word)", "GDP 3.5 and PMI 50.2, but Python 3.11 and Table 2.1."),
    ("not quantities: labels, ranks, dates, times", "Unit 2, Table 2, top 10, June 30, at 10:30, the 2nd."),
    ("not quantities: anaphora, bare one", "These two resources; the two lines; one of them."),
    ("not quantities: codes, versions, times", "Call 555-123-4567 or +44 20 7946 0958 by 9am on 2025-06-30; Python 3.11, v2.3."),
    ("attributive compounds (kept, form=attributive, dropped by the assembly)",
     "A 10-year bond, a 300-page report, the 12-member board, a five-year plan, a 12-month high."),
    ("hyphenated claims (not attributive)", "A 5% increase, a $3-billion deal, a 1.2-GW plant, two-thirds of it."),
    ("points: pp only with a percentage context", "The index rose 120 points; the vote share rose 4 points."),
    ("change from X to Y: start point takes the end's scale", "Sales rose from 5 to 7 million."),
    ("fractions with an ordinal denominator (number_forms)", "Two fifths, three twenty-firsts, a hundredth."),
    ("mixed numbers; a fraction of the scale before or after it", "Twenty and three fifths; five billion and three "
     "quarters; one billion and a half million; 3 million and a quarter."),
    ("X over Y at a clause end, X out of Y, powers", "One over three; one out of four; 1.1^23 and 2.5^-1."),
    ("digits with scale words", "4 thousand 3 hundred and 21; 3 hundred and 21 yuan."),
    ("percent of N without a number before", "Per cent of 22"),
    ("a unit alone in brackets; a half before a unit", "20 (kg), 20 [kg], a half turn, a half percentage point."),
    ("scale letters glued; digit lists; signed slash fractions", "1.2b users, 2mil SEK, pages 22,24,26, -4/5."),
)


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _rows(hint_examples: Iterable[tuple[str, str]]) -> list[str]:
    out = ["| kind | example | span | value | unit | comparator | lower–upper | base | form |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for kind, ex in hint_examples:
        hint = "CNY" if "hint CNY" in kind else None
        ms = find_quantities(ex, currency_hint=hint)
        if not ms:
            out.append(f"| {_cell(kind)} | {_cell(ex)} | *(no match)* | | | | | | |")
        for i, m in enumerate(ms):
            rng = f"{_fmt(m.lower)}–{_fmt(m.upper)}" if m.value is None and m.lower is not None else ""
            base = f"{_fmt(m.base_value)} {m.base_unit}" if m.base_value is not None else ""
            out.append(
                f"| {_cell(kind) if i == 0 else ''} | {_cell(ex) if i == 0 else ''} | `{_cell(m.text)}` | "
                f"{_fmt(m.value)} | {_cell(m.unit or '')} | {m.comparator} | {rng} | {_cell(base)} | {m.form} |"
            )
    return out


def _value(text: str):
    return find_quantities(text)[0].value


def _base(text: str):
    return find_quantities(text)[0].base_value


def render() -> str:
    """Return the Markdown text of ``docs/quantities.md``."""
    cues = load("quantity_cues.json")
    cur = load("currencies.json")
    lines = [
        "# Quantity grammar",
        "",
        "Generated by `python -m claimx.grammar.docs > docs/quantities.md` from `claimx/resources/*.json`;",
        "the output columns come from running `claimx.grammar.quantities.find_quantities` on each example.",
        "",
        "## Expressions and their normalised output",
        "",
        *_rows(EXAMPLES),
        "",
        "## How values are computed",
        "",
        "Values are exact: the number as written (its digit string, without thousands separators) is a "
        "`decimal.Decimal`, scale words and sub-unit shares are the exact decimals of `scales.json` and "
        "CLDR, and unit factors are exact decimals from pint's definitions (a registry with decimal "
        "magnitudes: a mile is exactly 1609.344 m, a barrel 0.158987294928 m³); the product is converted "
        "to float once, at the end, so `value`, `lower` and `upper` are the floats nearest to the "
        "written number times its scale and `base_value` the float nearest to that times the unit "
        f"factor. Examples: `$4.1 billion` -> `{_value('$4.1 billion')!r}` (a float product gives "
        "`4099999999.9999995`), `272.4 terawatt-hours` -> base value "
        f"`{_base('272.4 terawatt-hours')!r}` J. Where a factor is not a finite decimal (km/h is 1/3.6 "
        "m/s) it is held to 60 significant digits and rounded once. Fractions written as fractions keep "
        f"their true value (`two-thirds of` -> `{_value('two-thirds of it')!r}`). A value, bound or base "
        "value beyond the float range (about 1.8e308) is `null`, never infinite: "
        f"`{'9' * 6}...` (300 nines) `PB` has base value `{_base('9' * 300 + ' PB')!r}`.",
        "",
        "## Rules (`quantity_cues.json`)",
        "",
        f"**Attributive compounds.** {cues['_attributive_note']}",
        "",
        f"Words after the hyphen that never make a count-noun compound: {', '.join(cues['attributive_hyphen_exclusions'])}. "
        f"Words after a duration compound that are not the noun it modifies: {', '.join(cues['attributive_non_nouns'])}.",
        "",
        f"**Index names.** {cues['_index_names_note']} {', '.join(cues['index_names'])}.",
        "",
        f"**Score lines.** {cues['_score_note']} Score words: {', '.join(cues['score_words'])}.",
        "",
        f"**Versions.** {cues['_version_words_note']} Version words: {', '.join(cues['version_words'])}.",
        "",
        f"**Points.** {cues['_percentage_context_words_note']} Percentage words: "
        f"{', '.join(cues['percentage_context_words'])}.",
        "",
        "## Scale words (`scales.json`)",
        "",
        "| word | multiplier | where |",
        "| --- | --- | --- |",
        *[f"| {w} | {v:g} | anywhere after a number |" for w, v in N.SCALE_WORDS.items()],
        *[f"| {w} | {v:g} | after a number, space allowed |" for w, v in N.SCALE_SPACED.items()],
        *[f"| {w} | {v:g} | glued to the number |" for w, v in N.SCALE_GLUED.items()],
        *[f"| {w} | {v:g} | glued, after a currency only |" for w, v in N.SCALE_MONEY.items()],
        *[f"| {w} | {v:g} | glued to a decimal number |" for w, v in N.SCALE_DECIMAL.items()],
        *[f"| {w}USD, {w}EUR, ... | {v:g} | glued to an ISO 4217 code, after a number |"
          for w, v in N.GLUED_CURRENCY_SCALES.items()],
        "",
        load("scales.json")["_glued_currency_note"],
        "",
        "Stacked scale words (two scale words written together multiply; only these pairs are read, "
        "any other pair such as \"crore crore\" is left as two scale words):",
        "",
        "| stack | multiplier |",
        "| --- | --- |",
        *[f"| {w} | {v:g} |" for w, v in N.SCALE_STACKS.items()],
        "",
        "## Comparators (`quantity_cues.json`)",
        "",
        "| phrase | comparator | position |",
        "| --- | --- | --- |",
        *[f"| {k} | `{v}` | before the number, inside the span |" for k, v in cues["prefix_comparators"].items()],
        *[f"| {k} | `{v}` | after the number, inside the span |" for k, v in cues["suffix_comparators"].items()],
        *[f"| {k} | `{v}` | finite verb before the span (comparator_cue) |" for k, v in cues["verb_comparators"].items()],
        "",
        "## Currencies (`currencies.json` + CLDR via babel)",
        "",
        f"{len(U.ISO_CODES)} ISO 4217 codes in current use and their English names come from babel. "
        "Ambiguous symbols take `currency_hint` when it is one of their candidates, else the default:",
        "",
        "| symbol | default | candidates for a hint |",
        "| --- | --- | --- |",
        *[f"| {s} | {cur['symbols'][s]} | {', '.join(c)} |" for s, c in cur["ambiguous_symbols"].items()],
        "",
        "| symbol | code |",
        "| --- | --- |",
        *[f"| {_cell(s)} | {c} |" for s, c in cur["symbols"].items() if s not in cur["ambiguous_symbols"]],
        "",
        "### Currency sub-units (`currencies.json` `minor_units`)",
        "",
        cur["_minor_units_note"],
        "",
        "| written as | default | other currencies it can belong to | share of the main unit |",
        "| --- | --- | --- | --- |",
        *[f"| {_cell(', '.join(list(e['names']) + [n + ' (glued)' for n in e.get('glued', ())]))} | {e['default']} | "
          f"{', '.join(c for c in e['candidates'] if c != e['default'])} | "
          f"{e['fraction'] if e.get('fraction') is not None else '10^-digits (CLDR)'} |" for e in cur["minor_units"]],
        "",
        "## Units (`units.json`; base conversion with pint)",
        "",
        "| symbol | written as | base unit | SI prefixes |",
        "| --- | --- | --- | --- |",
    ]
    for e in load("units.json")["units"]:
        written = ", ".join(list(e["surfaces"]) + list(e["names"]))
        lines.append(f"| `{_cell(e['symbol'])}` | {_cell(written)} | {_cell(e.get('base', '—'))} | "
                     f"{e.get('prefixes', '')} |")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Write the Markdown page to stdout."""
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
