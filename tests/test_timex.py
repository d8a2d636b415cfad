"""Tests of claimx.grammar.timex.find_timeframes: exact TIMEX3 values, relations and spans."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimx.grammar.timex import find_timeframes, load_time_lexicon

ROOT = Path(__file__).resolve().parents[1]
REF = dt.date(2026, 3, 12)  # a Thursday

# (sentence, expected span text, relation, value without reference date, value with REF)
TABLE = [
    ("By 2025, the market will double.", "By 2025", "by", "2025", "2025"),
    ("Output should triple by the end of 2027.", "by the end of 2027", "by", "2027", "2027"),
    ("The target is 40 GW by end-2028.", "by end-2028", "by", "2028", "2028"),
    ("Debt was 4% of GDP at the end of June 2025.", "at the end of June 2025", "as_of", "2025-06", "2025-06"),
    ("As of the first quarter of this year, capacity was 26 GW.", "As of the first quarter of this year",
     "as_of", "XXXX-Q1", "2026-Q1"),
    ("Reserves stood at $3 billion as at March 31, 2025.", "as at March 31, 2025", "as_of", "2025-03-31",
     "2025-03-31"),
    ("Stocks were 12 Mt at end-June.", "at end-June", "as_of", "XXXX-06", "2025-06"),
    ("In Q3 2025, revenue rose 4%.", "In Q3 2025", "in", "2025-Q3", "2025-Q3"),
    ("Net debt rose during 2024.", "during 2024", "in", "2024", "2024"),
    ("For FY2025, premiums were A$5 billion.", "For FY2025", "in", "FY2025", "FY2025"),
    ("Sales rose 3% in the third quarter.", "in the third quarter", "in", "XXXX-Q3", "2025-Q3"),
    ("Prices fell 2% in the fourth quarter of 2024.", "in the fourth quarter of 2024", "in", "2024-Q4",
     "2024-Q4"),
    ("The firm's second-quarter profit fell.", "second-quarter", "in", "XXXX-Q2", "2025-Q2"),
    ("Shipments hit 2 million in 1Q25.", "in 1Q25", "in", "2025-Q1", "2025-Q1"),
    ("Margins widened in H1 2024.", "in H1 2024", "in", "2024-H1", "2024-H1"),
    ("Demand recovered in the first half of 2023.", "in the first half of 2023", "in", "2023-H1", "2023-H1"),
    ("Growth should pick up in the second half.", "in the second half", "in", "XXXX-H2", "2025-H2"),
    ("Profit doubled in 2H24.", "in 2H24", "in", "2024-H2", "2024-H2"),
    ("Losses narrowed in FY24.", "in FY24", "in", "FY2024", "FY2024"),
    ("Revenue grew 9% in fiscal 2025.", "in fiscal 2025", "in", "FY2025", "FY2025"),
    ("Claims reached A$3.9 billion in fiscal 2023–24.", "in fiscal 2023–24", "in", "FY2024", "FY2024"),
    ("Exports rose in FY2022-23.", "in FY2022-23", "in", "FY2023", "FY2023"),
    ("Sales topped 1 million in the first quarter of fiscal 2026.", "in the first quarter of fiscal 2026", "in",
     "FY2026-Q1", "FY2026-Q1"),
    ("Rents rose 5% in June 2025.", "in June 2025", "in", "2025-06", "2025-06"),
    ("The plant opened on June 30, 2025.", "on June 30, 2025", "in", "2025-06-30", "2025-06-30"),
    ("The plant opened on 30 June 2025.", "on 30 June 2025", "in", "2025-06-30", "2025-06-30"),
    ("It had 1,850 chargers as of June 30.", "as of June 30", "as_of", "XXXX-06-30", "2025-06-30"),
    ("Inflation eased to 2.3% in October.", "in October", "in", "XXXX-10", "2025-10"),
    ("Steel output rose in February.", "in February", "in", "XXXX-02", "2026-02"),
    ("Shares fell 4.1% on Tuesday.", "on Tuesday", "in", "XXXX-XX-XX", "2026-03-10"),
    ("Shares rose 2% on Thursday.", "on Thursday", "in", "XXXX-XX-XX", "2026-03-12"),
    ("China sold 12.9 million cars this year.", "this year", "in", "XXXX", "2026"),
    ("We delivered 1,450 buses last year.", "last year", "in", "XXXX", "2025"),
    ("Capacity should reach 30 GW next year.", "next year", "in", "XXXX", "2027"),
    ("Orders slowed last quarter.", "last quarter", "in", "XXXX-QX", "2025-Q4"),
    ("Output rose in Q2 2025 from 1.2 Mt.", "in Q2 2025", "in", "2025-Q2", "2025-Q2"),
    ("Capacity will expand 24% a year through 2030.", "through 2030", "until", "2030", "2030"),
    ("The subsidy runs until the end of 2026.", "until the end of 2026", "until", "2026", "2026"),
    ("Prices have doubled since 2019.", "since 2019", "since", "2019", "2019"),
    ("Imports have fallen since the start of 2024.", "since the start of 2024", "since", "2024", "2024"),
    ("New rules apply from 2027 onwards.", "from 2027 onwards", "since", "2027", "2027"),
    ("The market will grow 13% a year from 2025 to 2031.", "from 2025 to 2031", "between", "2025/2031",
     "2025/2031"),
    ("Sales grew 21% a year between 2020 and 2025.", "between 2020 and 2025", "between", "2020/2025",
     "2020/2025"),
    ("A CAGR of 11.6% over 2025–2032 is expected.", "over 2025–2032", "between", "2025/2032", "2025/2032"),
    ("Emissions fell 3% a year over 2020-25.", "over 2020-25", "between", "2020/2025", "2020/2025"),
    ("Output grew from Q1 2024 to Q3 2025.", "from Q1 2024 to Q3 2025", "between", "2024-Q1/2025-Q3",
     "2024-Q1/2025-Q3"),
    ("Sales rose between January and March 2025.", "between January and March 2025", "between",
     "2025-01/2025-03", "2025-01/2025-03"),
    ("Rainfall was low from November to February 2025.", "from November to February 2025", "between",
     "2024-11/2025-02", "2024-11/2025-02"),
    ("The mine closed in mid-2024.", "in mid-2024", "in", "2024", "2024"),
    ("Rates will fall by year-end.", "by year-end", "by", "XXXX", "2026"),
    ("Costs rose 8% in the summer of 2024.", "in the summer of 2024", "in", "2024-SU", "2024-SU"),
    ("Orders rose 5% in Q1'25.", "in Q1'25", "in", "2025-Q1", "2025-Q1"),
    ("Volumes fell 2% in 2025's first quarter.", "in 2025's first quarter", "in", "2025-Q1", "2025-Q1"),
    ("Net income was $2 million before 2030.", "before 2030", "by", "2030", "2030"),
    # coverage added after the speed work
    ("Prices tripled in the 2020s.", "in the 2020s", "in", "202X", "202X"),
    ("Coal peaked in the 1990's.", "in the 1990's", "in", "199X", "199X"),
    ("Sales rose 4% this fiscal year.", "this fiscal year", "in", "FYXXXX", "FY2026"),
    ("Costs fell 2% last financial year.", "last financial year", "in", "FYXXXX", "FY2025"),
    ("Output doubled over the past five years.", "over the past five years", "between", "XXXX/XXXX",
     "2021/2026"),
    ("Growth averaged 4% over the last three years.", "over the last three years", "between", "XXXX/XXXX",
     "2023/2026"),
    ("Demand will triple in the next decade.", "in the next decade", "between", "XXXX/XXXX", "2026/2036"),
    ("Shares rose 3% today.", "today", "in", "XXXX-XX-XX", "2026-03-12"),
    ("The tariff takes effect tomorrow.", "tomorrow", "in", "XXXX-XX-XX", "2026-03-13"),
    # numeric dates (a slashed date is read only when its order is unambiguous)
    ("The plant opened on 2025-06-30.", "on 2025-06-30", "in", "2025-06-30", "2025-06-30"),
    ("The plant opened on 30/06/2025.", "on 30/06/2025", "in", "2025-06-30", "2025-06-30"),
    ("The plant opened on 06/30/2025.", "on 06/30/2025", "in", "2025-06-30", "2025-06-30"),
    ("Stocks were 4 Mt as of 30.06.2025.", "as of 30.06.2025", "as_of", "2025-06-30", "2025-06-30"),
    ("Stocks were 4 Mt as of 1.7.2025.", "as of 1.7.2025", "as_of", "2025-07-01", "2025-07-01"),
    ("The plant opened on 2025/06/30.", "on 2025/06/30", "in", "2025-06-30", "2025-06-30"),
    ("Output peaked on 2025.06.30.", "on 2025.06.30", "in", "2025-06-30", "2025-06-30"),
    ("Prices fell on 12/12/2024.", "on 12/12/2024", "in", "2024-12-12", "2024-12-12"),
    # periods named by their end
    ("Profit rose 4% in the fiscal year ended March 2024.", "in the fiscal year ended March 2024", "in",
     "FY2024", "FY2024"),
    ("Revenue was $2 billion for the financial year ending 31 March 2025.",
     "for the financial year ending 31 March 2025", "in", "FY2025", "FY2025"),
    ("Sales were $9 million in FY ended June 30, 2025.", "in FY ended June 30, 2025", "in", "FY2025", "FY2025"),
    ("Sales fell in the fiscal year ended June.", "in the fiscal year ended June", "in", "FYXXXX", "FY2025"),
    ("House prices rose 5% in the year to June 2025.", "in the year to June 2025", "between",
     "2024-07/2025-06", "2024-07/2025-06"),
    ("Inflation was 3% in the 12 months to March.", "in the 12 months to March", "between",
     "XXXX-04/XXXX-03", "2025-04/2026-03"),
    ("Net income was $4 million for the year ended December 31, 2024.",
     "for the year ended December 31, 2024", "in", "2024", "2024"),
    ("Revenue grew 8% in the six months ended June 30, 2025.", "in the six months ended June 30, 2025", "in",
     "2025-H1", "2025-H1"),
    ("Sales rose in the three months to September 2025.", "in the three months to September 2025", "in",
     "2025-Q3", "2025-Q3"),
    ("Output fell 2% in the nine months to September.", "in the nine months to September", "between",
     "XXXX-01/XXXX-09", "2025-01/2025-09"),
    ("Revenue was $5 million in the year ended 15 March 2025.", "in the year ended 15 March 2025", "between",
     "2024-03-16/2025-03-15", "2024-03-16/2025-03-15"),
    ("Wages rose 6% in the half-year to end-December 2025.", "in the half-year to end-December 2025", "in",
     "2025-H2", "2025-H2"),
    # spans back from the reference date
    ("Prices rose 9% over the past year.", "over the past year", "between", "XXXX/XXXX", "2025/2026"),
    ("Prices rose 9% in the past year.", "in the past year", "between", "XXXX/XXXX", "2025/2026"),
    ("Loans grew 7% over the last year.", "over the last year", "between", "XXXX/XXXX", "2025/2026"),
    ("Rents rose 4% in the past 12 months.", "in the past 12 months", "between", "XXXX-XX/XXXX-XX",
     "2025-03/2026-03"),
    ("Sales rose in the last three months.", "in the last three months", "between", "XXXX-XX/XXXX-XX",
     "2025-12/2026-03"),
    # to date: the reference year, quarter or month
    ("Sales are up 12% year to date.", "year to date", "in", "XXXX", "2026"),
    ("Sales are up 12% year-to-date.", "year-to-date", "in", "XXXX", "2026"),
    ("Returns were 4% YTD.", "YTD", "in", "XXXX", "2026"),
    ("Shipments rose 3% so far this year.", "so far this year", "in", "XXXX", "2026"),
    ("Volumes are 5% higher quarter to date.", "quarter to date", "in", "XXXX-QX", "2026-Q1"),
]


@pytest.mark.parametrize("ref", [None, REF], ids=["no_ref", "ref"])
@pytest.mark.parametrize("sentence,span,relation,value_noref,value_ref", TABLE, ids=[r[1] for r in TABLE])
def test_table(sentence, span, relation, value_noref, value_ref, ref):
    matches = find_timeframes(sentence, reference_date=ref)
    got = [m for m in matches if m.text == span]
    assert got, f"{span!r} not found in {matches}"
    m = got[0]
    assert sentence[m.start_char:m.end_char] == span
    assert m.relation == relation
    assert m.value == (value_ref if ref else value_noref)


def test_table_is_big_enough():
    assert len(TABLE) >= 40


@pytest.mark.parametrize(
    "sentence,span,offset",
    [
        ("It lost $41 million in H1 2025, against a profit a year earlier.", "a year earlier", -1),
        ("Sales were flat versus the same period last year.", "the same period last year", -1),
        ("Margins held at 12% in the same period.", "in the same period", 0),
        ("Profit was $3 million two years earlier.", "two years earlier", -2),
        ("Revenue was 5% above the previous year.", "the previous year", -1),
        ("Sales grew 8% that year.", "that year", 0),
        ("Costs fell from $9 million a year ago.", "a year ago", -1),
        ("Revenue beat the year-ago quarter.", "the year-ago quarter", -1),
    ],
)
def test_sentence_relative_offsets(sentence, span, offset):
    for ref in (None, REF):
        got = [m for m in find_timeframes(sentence, reference_date=ref) if m.text == span]
        assert got, span
        assert got[0].value is None
        assert got[0].offset_years == offset
        assert got[0].relation == "in"


def test_list_of_years_gives_one_match_each():
    text = "Revenue in 2023, 2024 and 2025 was $8.4 million, $7.6 million and $6.9 million, respectively."
    ms = find_timeframes(text)
    assert [(m.text, m.value, m.relation) for m in ms] == [
        ("2023", "2023", "in"), ("2024", "2024", "in"), ("2025", "2025", "in")]
    assert [m.start_char for m in ms] == [text.index("2023"), text.index("2024"), text.index("2025")]


def test_list_shares_the_year_written_once():
    ms = find_timeframes("Orders rose in Q1 and Q2 2025.")
    assert [(m.text, m.value) for m in ms] == [("Q1", "2025-Q1"), ("Q2 2025", "2025-Q2")]


def test_anchor_flag():
    (m,) = find_timeframes("Sales rose in October.", reference_date=dt.date(2025, 11, 20))
    assert (m.value, m.anchor) == ("2025-10", True)
    (m,) = find_timeframes("Sales rose in October 2024.", reference_date=dt.date(2025, 11, 20))
    assert (m.value, m.anchor) == ("2024-10", False)


def test_most_recent_rule_crosses_year_boundary():
    (m,) = find_timeframes("Unemployment was 10.4% in December.", reference_date=dt.date(2026, 1, 30))
    assert m.value == "2025-12"
    (m,) = find_timeframes("Output fell in May.", reference_date=dt.date(2025, 6, 20))
    assert m.value == "2025-05"
    (m,) = find_timeframes("It had 1,850 as of June 30.", reference_date=dt.date(2026, 8, 5))
    assert m.value == "2026-06-30"


@pytest.mark.parametrize(
    "text",
    [
        "The outage lasted 72 hours.",
        "The strike lasted three and a half months.",
        "The unit was offline for 1,460 hours.",
        "The budget is $2025 million.",
        "The farm produces 2025 MW.",
        "Turnout was 2025% of plan.",
        "Windows 11 runs on 38% of PCs, according to Section 3.",
        "Over 2000 people attended.",
        "The firm hired more than 1900 employees.",
        "The fund holds USD 2025 in cash.",
        "Between 2000 and 3000 tonnes were shipped.",
        "The H2 production plant opened.",
        "Prices may rise.",
        "A quarter of households and three quarters of firms agreed; output rose year on year.",
        "She is aged 45 and scored 20.25 on the test, with 2,025 votes.",
        "The Audi Q5 and COVID-19.",
        "Deliveries of the Audi Q4 e-tron rose.",
        "The new Infiniti Q4 sold 3,000 units.",
    ],
)
def test_not_timeframes(text):
    assert find_timeframes(text) == []


def test_bare_quarter_after_a_name_is_a_product_but_not_with_a_cue_or_year():
    assert [m.value for m in find_timeframes("Sales rose 3% in Q4.")] == ["XXXX-Q4"]
    assert [m.value for m in find_timeframes("Audi Q4 2025 sales rose.")] == ["2025-Q4"]
    assert find_timeframes("Audi Q4 sales rose.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The plant opened on 03/04/2025.",  # 3 April (UK) or 4 March (US): left unmatched, year included
        "Prices fell on 31/02/2025.",  # no such day
        "It runs version 2023.1.2 and 10/13/14.",  # a version; two-digit years are not read
        "Scores were 13/14/2025 and 1/2/3.",  # both parts above 12
    ],
)
def test_numeric_dates_left_unmatched(text):
    assert find_timeframes(text) == []


def test_numeric_date_parts_are_checked_for_the_year():
    assert [m.value for m in find_timeframes("on 29/02/2024")] == ["2024-02-29"]
    assert find_timeframes("on 29/02/2025") == []


def test_last_months_of_a_year_stay_a_quarter_or_half():
    (m,) = find_timeframes("Sales rose in the last three months of 2024.")
    assert (m.value, m.relation) == ("2024-Q4", "in")
    (m,) = find_timeframes("Sales rose in the last six months of the year.", reference_date=REF)
    assert (m.value, m.relation) == ("2026-H2", "in")
    (m,) = find_timeframes("Sales rose last year.", reference_date=REF)
    assert (m.text, m.value, m.relation) == ("last year", "2025", "in")


def test_period_to_a_day_before_the_reference_date():
    (m,) = find_timeframes("in the 12 months to March 31", reference_date=REF)
    assert (m.value, m.relation) == ("2024-04/2025-03", "between")


def test_bare_year_and_units():
    (m,) = find_timeframes("Metro Line 4 carried 98 million riders in 2025 (see Table 2).")
    assert (m.text, m.value, m.relation) == ("in 2025", "2025", "in")
    (m,) = find_timeframes("The 2030 target was cut.")
    assert (m.text, m.value, m.relation) == ("2030", "2030", "in")


def test_datetime_reference_and_type_errors():
    (m,) = find_timeframes("this year", reference_date=dt.datetime(2024, 5, 1, 12, 0))
    assert m.value == "2024"
    with pytest.raises(TypeError):
        find_timeframes(b"2025")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_timeframes("2025", reference_date="2025-01-01")  # type: ignore[arg-type]


def test_lexicon_is_validated_and_cached():
    lex = load_time_lexicon()
    assert lex is load_time_lexicon()
    assert lex.months["June"] == 6 and lex.weekdays["Tuesday"] == 1


# ------------------------------------------------------------------------------------------
# Every timeframe of the cases and of the seed gold
# ------------------------------------------------------------------------------------------


def _fixture_timeframes():
    rows = []
    for line in (ROOT / "corpus/cases/cases.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        ref = dt.date.fromisoformat(case["reference_date"]) if case.get("reference_date") else None
        for claim in case["claims"]:
            if claim.get("timeframe"):
                rows.append(pytest.param(case["text"], ref, claim["timeframe"], id=f"{case['id']}-{claim['timeframe']['text']}"))
    for gold in sorted((ROOT / "corpus/gold").glob("*.gold.jsonl")):
        text = (ROOT / "seeds" / gold.name.replace(".gold.jsonl", ".txt")).read_text(encoding="utf-8")
        for line in gold.read_text(encoding="utf-8").splitlines():
            claim = json.loads(line)
            if claim.get("timeframe"):
                rows.append(pytest.param(text, None, claim["timeframe"], id=f"{gold.name}-{claim['timeframe']['start_char']}"))
    return rows


# sentence-relative expressions whose value the claim assembly resolves from the sentence
_RELATIVE = {"a year earlier": -1, "that year": 0}


@pytest.mark.parametrize("text,ref,tf", _fixture_timeframes())
def test_fixture_timeframes(text, ref, tf):
    matches = {(m.start_char, m.end_char): m for m in find_timeframes(text, reference_date=ref)}
    m = matches.get((tf["start_char"], tf["end_char"]))
    assert m is not None, f"{tf} not in {list(matches.values())}"
    assert m.text == tf["text"]
    assert m.relation == tf["relation"]
    if tf["text"] in _RELATIVE:
        assert m.value is None and m.offset_years == _RELATIVE[tf["text"]]
    else:
        assert m.value == tf["value"]


def test_seed_article_timeframes():
    text = (ROOT / "seeds/000_21124bc296aca1d1.txt").read_text(encoding="utf-8")
    got = [(m.text, m.value, m.relation) for m in find_timeframes(text)]
    assert got == [
        ("By 2025", "2025", "by"), ("By 2025", "2025", "by"), ("by 2025", "2025", "by"),
        ("as of the first quarter of this year", "XXXX-Q1", "as_of"), ("By the end of 2025", "2025", "by"),
    ]


# ------------------------------------------------------------------------------------------
# Properties
# ------------------------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "in ", "by ", "the end of ", "2025", "Q1 ", "H2", "FY25", "fiscal ", "June ", "30", ", ", " and ",
    "from ", " to ", "–", "-", "between ", "this year", "last quarter", "a year earlier", "May", "Tuesday",
    "the first quarter of ", "$", "%", " million", "19", "'", "onwards", "\n", " ", ".", "the same period",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=14).map("".join)),
       st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))))
def test_property_spans(text, ref):
    ms = find_timeframes(text, reference_date=ref)
    last_end = -1
    for m in ms:
        assert text[m.start_char:m.end_char] == m.text
        assert m.start_char >= last_end
        assert m.start_char < m.end_char
        assert m.relation in ("by", "in", "as_of", "since", "until", "between")
        last_end = m.end_char


# ------------------------------------------------------------------------------------------
# Snapshot: the output on a varied corpus is pinned (benchmarks/timex_speed.py --write-snapshot)
# ------------------------------------------------------------------------------------------

_SNAPSHOT = ROOT / "tests" / "data" / "timex_snapshot.json"


def test_snapshot():
    """Every match (text, offsets, value, relation, anchor, offset) on the seed, the case texts,
    the table sentences and 400 generated sentences, with no reference date and with two."""
    rows = json.loads(_SNAPSHOT.read_text(encoding="utf-8"))
    assert len(rows) > 500
    diffs = []
    for row in rows:
        for key, expected in row.items():
            if key == "text":
                continue
            ref = None if key == "none" else dt.date.fromisoformat(key)
            got = [[m.text, m.start_char, m.end_char, m.value, m.relation, m.anchor, m.offset_years]
                   for m in find_timeframes(row["text"], reference_date=ref)]
            if got != expected:
                diffs.append((row["text"], key, expected, got))
    assert not diffs, f"{len(diffs)} differences, first: {diffs[:3]}"


def test_speed_word_lists_are_validated_data():
    """The trigger words, core prefix words and sentence openers live in time.json, validated."""
    from pydantic import ValidationError

    from claimx.grammar.timex import TimeLexicon

    raw = load_time_lexicon().model_dump(by_alias=True)
    assert "year" in raw["trigger_words"] and "In" in raw["sentence_openers"]
    for key, bad in (("trigger_words", ["Year"]), ("core_prefix_words", ["two words"]),
                     ("sentence_openers", ["in"])):
        with pytest.raises(ValidationError):
            TimeLexicon.model_validate({**raw, key: bad})


def test_docs_page_is_generated_from_current_code():
    """docs/timeframes.md is exactly what `python -m claimx.grammar.timex_docs` prints."""
    from claimx.grammar.timex_docs import EXAMPLES, render

    page = render()
    assert (ROOT / "docs/timeframes.md").read_text(encoding="utf-8") == page
    assert len(EXAMPLES) >= 60
    assert "| numeric date, day > 12 | The plant opened on 30/06/2025. | `on 30/06/2025` | `2025-06-30` |" in page
