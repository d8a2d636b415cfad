"""The timeframe slot and the period resolver (claimx/assembly/slots/timeframe.py,
claimx/assembly/passes/periods.py): one behaviour per test, each on two sentences written for it."""

from __future__ import annotations

import pytest

from claimx.assembly.passes.periods import grain_of, resolve_periods
from tests.conftest import one

REF = "2025-11-20"


def tf(extractor, text, qty, ref=REF):
    c = one(extractor.extract(text, reference_date=ref), qty)
    return (c.timeframe.value, c.timeframe.relation) if c.timeframe else None


@pytest.mark.parametrize("text,qty,expected", [
    ("In the third quarter of 2024, Harlow Mills sold 4,000 tonnes. During the quarter, its payroll grew 3%.",
     "3%", ("2024-Q3", "in")),
    ("Brenta Steel reported its results for the second quarter of 2023. Shipments in the quarter fell 6% to 2.1 million tonnes.",
     "6%", ("2023-Q2", "in")),
])
def test_the_quarter_is_the_quarter_named_before(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Over the first half of 2025, Ostra Bank earned $2 billion.\n\nA new chief\n\nIn the half, its deposits rose 4%.",
     "4%", ("2025-H1", "in")),
    ("In March, Corin Rail carried 3 million passengers.\n\nDuring the month, punctuality slipped to 88%.",
     "88%", ("2025-03", "in")),
])
def test_an_anaphoric_period_finds_its_antecedent_in_an_earlier_paragraph(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In the September quarter of 2024, Tallis Gold mined 50,000 ounces. In the same period, costs climbed to A$2,100 an ounce.",
     "A$2,100 an ounce", ("2024-Q3", "in")),
    ("Rail freight rose 4% in the first half of 2025. Over the same period, road freight fell 2%.",
     "2%", ("2025-H1", "in")),
])
def test_the_same_period_is_the_last_period_named(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Exports from Varna were 13% higher than in 2019.", "13%"),
    ("Bus ridership was 8% below the level seen in 2018.", "8%"),
    ("Emissions fell 9% compared with 2015.", "9%"),
])
def test_a_year_that_dates_the_comparison_base_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("Unemployment in Latvia rose to 9.5%, the highest since July 2009.", "9.5%"),
    ("Copper output fell to 410,000 tonnes, the lowest level since 2011.", "410,000 tonnes"),
])
def test_a_superlative_since_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("In the fiscal second quarter, which ended on June 30, Pelham Foods' sales rose 4%.", "4%", ("XXXX-Q2", "in")),
    ("For fiscal 2027, which ends in March, Kestrel Air expects revenue of $9 billion.", "$9 billion", ("FY2027", "in")),
])
def test_a_date_inside_a_relative_clause_does_not_date_the_claim(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Orvik Telecom's subscriber base grew 3%, the company reported on Tuesday.", "3%"),
    ("Jobless claims reached 210,000, the ministry said on Friday.", "210,000"),
])
def test_the_reports_own_date_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("The state's budget for 2025-26 sets aside Rs 4,200 crore for schools.", "Rs 4,200 crore", ("FY2026", "in")),
    ("In the first quarter of 2024-25, tax receipts rose 9%.", "9%", ("FY2025-Q1", "in")),
])
def test_a_split_fiscal_year_is_named_by_the_year_it_ends_in(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("For the year ending June 2026, the council expects a deficit of $30 million.", "$30 million", ("FY2026", "in")),
    ("Marlow Water raised its full-year profit forecast to £400 million.", "£400 million", ("FYXXXX", "in")),
])
def test_fiscal_years_by_their_end_and_full_year_without_one(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Output at the Kalgoorlie plant rose to 70,000 ounces in the June quarter.", "70,000 ounces", ("XXXX-Q2", "in")),
    ("In the October-December quarter of 2023, Hoshi Motors sold 300,000 cars.", "300,000", ("2023-Q4", "in")),
])
def test_a_quarter_named_by_its_months(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Air cargo for the first five months of 2024 was up 6%.", "6%", ("2024-01/2024-05", "between")),
    ("Nickel prices jumped 40% between February and August.", "40%", ("XXXX-02/XXXX-08", "between")),
])
def test_month_spans_are_between(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


def test_a_fronted_period_with_words_before_the_comma_scopes_over_whereas(extractor):
    text = "Over the first half of its fiscal year, Sato's sales rose 4%, whereas its profit dropped 12%."
    assert tf(extractor, text, "12%", ref=None) == ("XXXX-H1", "in")
    text = "During the six months to June, imports climbed 7%, while exports slipped 2%."
    assert tf(extractor, text, "2%", ref="2025-08-01") == ("2025-H1", "in")


@pytest.mark.parametrize("text,qty", [
    ("The annual fall deepened from 1.1% in May and was sharper than the 2.0% drop expected.", "2.0%"),
    ("Exports were $40 billion in 2024, compared with $36 billion.", "$36 billion"),
    ("Core inflation is seen at 3.8% in 2027, still above the 3% target.", "3%"),
])
def test_a_time_phrase_right_after_another_quantity_dates_that_one(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Module prices fell 8% in 2024 to a record low of $0.11 per watt.", "$0.11 per watt", ("2024", "in")),
    ("Vanta's jobless rate fell 0.4 points to 3.1% in 2025.", "0.4 points", ("2025", "in")),
])
def test_a_change_and_its_end_point_share_the_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("From Monday, water use is capped at 150 litres per person per day.", "capped at 150 litres per person per day"),
    ("From 1 July, the levy rises to 12%.", "12%"),
])
def test_from_a_day_is_since(extractor, text, qty):
    value, relation = tf(extractor, text, qty)
    assert relation == "since" and grain_of(value) == "D"


def test_resolve_periods_keeps_the_grammar_reading_without_antecedent():
    recs = [{"text": "in the quarter", "start_char": 10, "end_char": 24, "value": "XXXX-QX", "relation": "in",
             "anchor": False, "offset_years": None}]
    out = resolve_periods("Sales fell in the quarter.", recs)
    assert [r["value"] for r in out] == ["XXXX-QX"]


@pytest.mark.parametrize("text,qty,expected", [
    ("Toyota raised its profit forecast for fiscal 2026 to 3 trillion yen on Wednesday, citing sales.", "3 trillion yen", ("FY2026", "in")),
    ("Pack prices fell 8% in 2025 to $108 per kilowatt-hour, according to a survey published on Tuesday.", "8%", ("2025", "in")),
])
def test_the_day_of_the_news_event_is_no_timeframe(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


def test_a_daily_move_keeps_its_day(extractor):
    text = "Shares of Lunde Bank and Orsa Re fell 3.2% and 1.4%, respectively, on Thursday."
    assert tf(extractor, text, "1.4%", ref="2025-11-21") == ("2025-11-20", "in")
    assert tf(extractor, "Brent crude rose 2% on Monday.", "2%", ref="2025-11-21") == ("2025-11-17", "in")


@pytest.mark.parametrize("text,qty,expected", [
    ("OTTAWA — In May, the jobless rate fell 0.1 points to 6.9%, the lowest since 2022, the agency said.", "6.9%", ("2025-05", "in")),
    ("NEW DELHI — In 2024, coal output rose 8% to 1 billion tonnes, while imports slipped 2%.", "2%", ("2024", "in")),
])
def test_a_dateline_does_not_hide_the_fronted_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Housing starts stayed weak at 31,000 in April, almost 25% below the level of a year earlier.", "almost 25%", ("2025-04", "in")),
    ("Sales reached 2.1 million units in 2024, up 6% on the year before.", "6%", ("2024", "in")),
    ("The budget gives health Rs 990 billion in 2025-26, an increase of 11%.", "11%", ("FY2026", "in")),
])
def test_an_appositive_shares_the_period_of_the_number_before(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Some 6.6 billion people are expected to live in cities by the end of the forecast period.", "Some 6.6 billion", ("XXXX", "by")),
    ("The fleet should reach 900 aircraft by the end of the decade.", "900", ("XXXX", "by")),
])
def test_a_deadline_at_the_end_of_an_unnamed_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected
