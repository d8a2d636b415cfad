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
])
def test_a_deadline_at_the_end_of_an_unnamed_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,ref,expected", [
    # the reference decade, as "this decade" and "the second half of the decade" are (time.json)
    ("The fleet should reach 900 aircraft by the end of the decade.", "900", REF, ("202X", "by")),
    ("Wind capacity is expected to reach 45 GW by the end of the decade.", "45 GW", "2031-02-01", ("203X", "by")),
    ("Exports should grow 4% a year until the end of the decade.", "4%", REF, ("202X", "until")),
    ("The fleet should reach 900 aircraft by the end of the decade.", "900", None, ("XXXX", "by")),
])
def test_a_deadline_at_the_end_of_the_decade_is_the_reference_decade(extractor, text, qty, ref, expected):
    assert tf(extractor, text, qty, ref) == expected


@pytest.mark.parametrize("text,qty,ref,expected", [
    # "the week to Friday": the ISO week of the most recent Friday on or before the reference date
    ("Retail fuel sales rose 1.2% in the week to Friday.", "1.2%", "2025-11-10", ("2025-W45", "in")),
    ("Mortgage applications fell 3.4% in the week ended Wednesday, the association said.", "3.4%", "2025-11-05",
     ("2025-W45", "in")),
    ("Jobless claims rose by 12,000 in the week ending Saturday.", "12,000", None, ("XXXX-WXX", "in")),
])
def test_the_week_to_a_weekday(extractor, text, qty, ref, expected):
    assert tf(extractor, text, qty, ref) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Coal use is set to fall by 300 million tonnes, or about 4%, between 2025 and 2030.", "300 million tonnes",
     ("2025/2030", "between")),
    ("Ridership rose by 2.1 million trips, or 9%, in 2024.", "2.1 million", ("2024", "in")),
])
def test_a_restatement_after_or_does_not_cut_the_figure_off_its_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Floods in April closed the smelter, which lies 90 kilometres west of Tema.", "90 kilometres"),
    ("The port, which handles 8 million containers a year, was shut in January.", "8 million"),
])
def test_a_standing_fact_in_a_present_tense_relative_clause_takes_no_period(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("The new capacity was four times the amount added in 2019.", "four times"),
    ("The Orsa Dam, completed in 1974, holds 2.3 billion cubic metres.", "2.3 billion cubic metres"),
])
def test_a_period_in_a_participle_phrase_the_number_is_not_in(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("Investment is expected to slow in 2026, the central bank said, as interest rates of 11% bite.", "11%"),
    ("Hiring fell in October, the survey showed, because wage costs of 7% deterred firms.", "7%"),
])
def test_a_reason_after_a_reporting_clause_is_not_in_the_periods_clause(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Prices climbed to $3.10 from $2.80 in the March quarter, when sales had dropped to 40,000 units.",
     "40,000", ("XXXX-Q1", "in")),
    ("The fleet shrank to 90 ships in 2021, when freight volumes fell 12%.", "12%", ("2021", "in")),
])
def test_a_when_clause_takes_the_period_before_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Profit in the first nine months rose 14%.", "14%", ("XXXX-01/XXXX-09", "between")),
    ("Car sales over the first four months slipped 3%.", "3%", ("XXXX-01/XXXX-04", "between")),
])
def test_the_first_months_without_a_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Fourth-quarter profit rose to $540 million, or 82 cents a share.", "82 cents", ("XXXX-Q4", "in")),
    ("In 2024 the fund returned $3 billion, or about 6%, to investors.", "about 6%", ("2024", "in")),
])
def test_a_restatement_after_or_shares_the_period_before_the_figure(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Imports shrank 4% in the April-June period.", "4%", ("XXXX-Q2", "in")),
    ("The September-quarter surplus was A$9 billion.", "A$9 billion", ("XXXX-Q3", "in")),
    ("Visitor numbers in the May-August period of 2023 rose 8%.", "8%", ("2023-05/2023-08", "between")),
])
def test_a_period_named_by_its_months(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


@pytest.mark.parametrize("text,qty", [
    ("Factory orders fell for a fourth month, dropping 1.3%.", "1.3%"),
    ("Rents rose for the sixth straight quarter, climbing 2.2%.", "2.2%"),
])
def test_an_ordinal_period_that_counts_a_streak_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales at Corva rose 6% in fiscal 2025, which ended in June. For the year, profit was $300 million.",
     "$300 million", ("FY2025", "in")),
    ("Lindqvist shipped 40,000 trucks in 2023.\n\nMargins\n\nOver the whole year, its margin widened to 9%.",
     "9%", ("2023", "in")),
])
def test_the_year_is_the_year_named_before(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


def test_on_the_year_is_no_anaphoric_year(extractor):
    text = "Output rose 3% in 2024. Prices were up 2% on the year."
    assert tf(extractor, text, "2%", ref=None) is None


@pytest.mark.parametrize("text,qty", [
    ("Expected to open in 2028, the bridge has cost €900 million so far.", "€900 million"),
    ("Although exports slumped in 2023, the port handled 9 million containers.", "9 million"),
])
def test_a_period_in_a_fronted_clause_that_is_no_time_clause(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("The state wants 70% of its electricity from wind by 2035.", "70%", ("2035", "by")),
    ("Ports plan to take 30% of freight from roads by 2032.", "30%", ("2032", "by")),
])
def test_a_deadline_after_a_from_phrase_is_no_comparison_base(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Orders were the weakest since 2009, and in the first half of 2024 alone they fell 11%.", "11%", ("2024-H1", "in")),
    ("Tolls were cut from 2019, and in March alone traffic rose 6%.", "6%", ("2025-03", "in")),
])
def test_a_base_marker_before_a_clause_boundary_does_not_reach_the_next_clause(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Fiscal 2027 second-quarter sales at Brisa rose 5%.", "5%", ("FY2027-Q2", "in")),
    ("In the second half of the 2024 financial year, Kora Bank earned $80 million.", "$80 million", ("FY2024-H2", "in")),
])
def test_a_part_of_a_fiscal_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("For the year ended December 31, 2024, Tovi Insurance wrote $3 billion of premiums.", "$3 billion", ("2024", "in")),
    ("In the year ending December 2025, the port expects 4 million containers.", "4 million", ("2025", "in")),
])
def test_a_year_ending_in_december_is_the_calendar_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The smelter processed 400,000 tonnes of concentrate in 2023 and recovered 96% of the copper.", "96%", ("2023", "in")),
    ("In its report, Kallo Mills said it milled 2 million tonnes in the June quarter, grading 1.2 grams per tonne, "
     "and poured 70,000 ounces.", "70,000 ounces", ("XXXX-Q2", "in")),
])
def test_a_verb_conjoined_with_the_same_subject_shares_the_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty, ref=None) == expected


def test_a_new_subject_after_and_does_not_share_the_period(extractor):
    text = "Nationwide put the rise at 4.1% in March and the Halifax index was running at 2.6%."
    assert tf(extractor, text, "2.6%", ref=None) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Air traffic should grow 4% a year out to 2040.", "4%", ("2040", "until")),
    ("Copper demand will rise 2.5% a year to 2035.", "2.5%", ("2035", "until")),
])
def test_a_yearly_rate_to_a_year_runs_until_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("From 2027, the fuel duty will be 58 pence a litre.", "58 pence a litre", ("2027", "since")),
    ("Tolls fell in March. From 2026, they will rise 4% a year.", "4%", ("2026", "since")),
])
def test_a_year_after_an_opening_from_is_since(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Rents could fall 6% between their peak last year and the end of next year.", "6%", ("2024/2026", "between")),
    ("Wait times grew 40% between the low point in 2021 and the spike of 2023.", "40%", ("2021/2023", "between")),
])
def test_two_time_phrases_joined_by_between_and_make_one_span(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The Horizon 2020 programme funded 30,000 research projects.", "30,000"),
    ("Under its Vision 2040 plan, the state wants 60% of power from solar.", "60%"),
])
def test_a_year_inside_a_name_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


def test_a_year_after_a_month_or_a_budget_stays_a_timeframe(extractor):
    assert tf(extractor, "Budget 2026 sets aside $4 billion for rail.", "$4 billion") == ("2026", "in")
    assert tf(extractor, "Sales fell 3% in March 2025.", "3%") == ("2025-03", "in")


@pytest.mark.parametrize("text,qty,expected", [
    ("Chip sales will rise 9% in 2026 to $700 billion, according to the Spring 2025 outlook of the trade body.",
     "$700 billion", ("2026", "in")),
    ("Copper use will reach 30 million tonnes by 2035, according to a study published in March 2024.",
     "30 million tonnes", ("2035", "by")),
])
def test_a_date_inside_the_attribution_after_the_number_is_the_sources(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Kestrel Foods said sales rose 4% and 7% in the first and second quarters, respectively.", "7%", ("2025-Q2", "in")),
    ("Kestrel Foods said sales rose 4% and 7% in the first and second quarters, respectively.", "4%", ("2025-Q1", "in")),
    ("Port volumes grew 2.5% and 3.1% in the third and fourth quarters of 2024, respectively.", "2.5%", ("2024-Q3", "in")),
    ("Port volumes grew 2.5% and 3.1% in the third and fourth quarters of 2024, respectively.", "3.1%", ("2024-Q4", "in")),
])
def test_respective_quarters_written_with_one_noun(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Operating margin was 11.2% in H1 and H2 at 12.5%.", "12.5%", ("2025-H2", "in")),
    ("Vantor's order intake rose 5% in H1 and H2 at 8%, it said.", "8%", ("2025-H2", "in")),
    ("The region plans to cut emissions by 55% by mid-century.", "55%", ("2050", "by")),
    ("Glenmark wants 90% of its buses electric by the middle of the century.", "90%", ("2050", "by")),
])
def test_listed_half_codes_and_mid_century(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Rents rose 6% and utility bills 9% in 2023.", "6%", ("2023", "in")),
    ("Coffee exports fell 11% and cocoa shipments 4% last year.", "11%", ("2024", "in")),
    ("Coffee exports fell 11% and cocoa shipments 4% last year.", "4%", ("2024", "in")),
])
def test_a_gapped_conjunct_shares_the_period_written_after_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Rents rose 6% and utility bills climbed 9% in 2023.", "6%"),
    ("Coffee exports fell 11%, and cocoa shipments were down 4% last year.", "11%"),
])
def test_a_conjunct_with_its_own_verb_keeps_its_period(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Initial jobless claims fell by 9,000 to 224,000 in the week ended Nov. 8.", "224,000", ("2025-W45", "in")),
    ("Crude inventories rose 1.6 million barrels in the week ending Oct. 31, the agency said.", "1.6 million barrels",
     ("2025-W44", "in")),
])
def test_a_week_named_by_its_end_day(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Ardent Bank reported results for the second quarter of 2025 on Monday. In the latest quarter, its loans grew 5%.",
     "5%", ("2025-Q2", "in")),
    ("Selva Foods said profit rose 9% in the fiscal year that ended in March.", "9%", ("FY2025", "in")),
])
def test_the_latest_quarter_and_a_fiscal_year_that_ended(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In March and April, car sales fell 2% and 5%, respectively.", "5%", ("2025-04", "in")),
    ("In January and February, arrivals rose 8% and 3%, respectively.", "3%", ("2025-02", "in")),
])
def test_respective_months_written_before_the_figures(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Offshore wind is expected to reach 30 GW in the second half of the decade.", "30 GW", ("202X", "in")),
    ("Battery demand could triple to 900 GWh in the second half of the decade.", "900 GWh", ("202X", "in")),
])
def test_the_second_half_of_the_decade(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Air traffic is still 7% below pre-pandemic levels of 2019.", "7%"),
    ("Fertiliser prices remain 35% above peaks seen in 2022.", "35%"),
])
def test_a_year_after_below_or_above_levels_dates_the_base(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("Economists expect the rate to stay at 3.75% after the bank lowered it in 2024.", "3.75%"),
    ("The airline kept its fleet at 120 jets although it retired ten in March.", "120"),
])
def test_a_time_phrase_in_a_later_clause_of_its_own_dates_that_clause(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales rose 5% in March after the firm cut prices.", "5%", ("2025-03", "in")),
    ("Output climbed 7% after price cuts in June.", "7%", ("2025-06", "in")),
])
def test_a_time_phrase_before_a_later_clause_stays_the_claims(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Output grew 0.7% in the third quarter of 2024, after 0.4% in the previous quarter.", "0.4%", ("2024-Q2", "in")),
    ("Card spending rose 1.1% in the first quarter of 2025, reversing a 0.6% fall in the previous quarter.", "0.6%",
     ("2024-Q4", "in")),
    ("Card spending fell 0.6% in the previous quarter.", "0.6%", ("2025-Q3", "in")),
])
def test_the_previous_quarter_counts_from_the_quarter_named_before(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Exports rose 5% from a year earlier to $30 billion in October.", "5%", ("2025-10", "in")),
    ("Car sales fell 3.4% from a year earlier to 210,000 units in September.", "3.4%", ("2025-09", "in")),
])
def test_a_change_from_a_year_earlier_to_an_end_point_keeps_the_month_after(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In the September quarter, Marl Copper mined 40,000 tonnes. During the prior quarter, it mined 36,500 tonnes.",
     "36,500 tonnes", ("XXXX-Q2", "in")),
    ("Pardo Foods sold $3.1 billion of snacks in the first quarter of 2024. In the preceding quarter, it sold $2.9 billion.",
     "$2.9 billion", ("2023-Q4", "in")),
    ("In the second half of 2024, Ivel Rail carried 8 million riders. In the previous half, it carried 7.2 million.",
     "7.2 million", ("2024-H1", "in")),
    ("Tolva Bank's deposits grew 2% in March 2025. In the previous month, they had grown 1.4%.",
     "1.4%", ("2025-02", "in")),
])
def test_the_prior_part_counts_from_the_part_named_in_an_earlier_sentence(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Revenue at Hasko rose 6% in the second quarter of 2025, after 4% in the prior quarter.", "4%", ("2025-Q1", "in")),
    ("Freight volumes slid 2% in the first quarter of 2025, following a 1.5% gain in the preceding quarter.", "1.5%",
     ("2024-Q4", "in")),
])
def test_the_prior_quarter_in_the_same_sentence_counts_from_the_quarter_named_before(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Over the winter, gas use in Lombardy rose 8%.", "8%", ("XXXX-WI", "in")),
    ("In spring, flows on the Ebro fell 30%.", "30%", ("XXXX-SP", "in")),
    ("During the summer months, hotel prices in Split climbed 12%.", "12%", ("XXXX-SU", "in")),
    ("Fruit exports from Chile rose 9% in the southern autumn.", "9%", ("XXXX-FA", "in")),
])
def test_a_season_after_a_preposition_is_that_season(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The fall in prices reached 4% in Lisbon.", "4%"),
    ("Rents in Porto have risen 6% since the fall of the old cap.", "6%"),
])
def test_fall_as_a_noun_of_change_is_no_season(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("The board of Ferno meets four times a year, in spring and autumn, and has 11 members.", "11"),
    ("In summer or winter, the ferry carries 900 cars a day.", "900"),
])
def test_two_seasons_joined_are_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,other,expected", [
    ("Shares of Brava Tel fell 5%, taking their loss this year to 22%.", "5%", "22%", ("2025", "in")),
    ("Sirna Bank's deposits rose 3%, bringing the total for the first half to $8 billion.", "3%", "$8 billion",
     ("2025-H1", "in")),
])
def test_a_result_participle_with_its_own_figure_dates_that_figure_only(extractor, text, qty, other, expected):
    assert tf(extractor, text, qty) is None
    assert tf(extractor, text, other) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Ammonia demand in Chile will exceed 2 million tonnes by the early 2030s.", "2 million tonnes", ("203X", "by")),
    ("By the late 2020s, the Varde grid will need 14 GW of storage.", "14 GW", ("202X", "by")),
])
def test_by_the_early_or_late_decade_is_a_deadline(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Between 2018 and 2023, Olsa Paper cut water use 14%. Over the same period, its output grew 9%.", "9%",
     ("2018/2023", "between")),
    ("From 2020 to 2024, bus fares in Tarn rose 11%. In the same period, rail fares rose 16%.", "16%",
     ("2020/2024", "between")),
])
def test_the_same_period_after_a_span_is_that_span(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Vasko Gold lifted output 12% in the June quarter. In the three months, its costs rose 4%.", "4%",
     ("XXXX-Q2", "in")),
    ("In the first half of 2025, Mora Rail carried 9 million riders. Over the six months, fares rose 3%.", "3%",
     ("2025-H1", "in")),
])
def test_the_n_months_after_a_named_period_is_that_period(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Shares of Ilford Tin rose 7% in early trading on Monday.", "7%", ("2025-11-17", "in")),
    ("Bravik's stock fell 3.5% in Oslo trading on Wednesday.", "3.5%", ("2025-11-19", "in")),
])
def test_a_day_after_in_trading_dates_the_price_move(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In March and April, cocoa exports from Ghana fell 7%.", "7%", ("2025-03/2025-04", "between")),
    ("Tourist arrivals in Split rose 12% in July and August.", "12%", ("2025-07/2025-08", "between")),
])
def test_two_consecutive_months_joined_by_and_are_one_span(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales at Kolm rose 3% and 4% in March and April, respectively.", "4%", ("2025-04", "in")),
    ("In March and May, Varna port handled 2 million tonnes.", "2 million tonnes", ("2025-05", "in")),
])
def test_months_of_a_respectively_list_or_not_consecutive_stay_apart(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The utility will cut emissions by 40% within five years.", "40%"),
    ("Prices should fall 15% within eight months, the ministry said.", "15%"),
    ("Within a decade, solar will supply 30% of Corvin's power.", "30%"),
])
def test_within_n_years_gives_no_timeframe(extractor, text, qty):
    # docs/GOLD.md (development-corpus conventions): "within ten years" has no TIMEX value
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("The Kettering plant produced 1.2 TWh in its first full year.", "1.2 TWh"),
    ("The Selwyn wind farm generated 900 GWh in a full year of operation.", "900 GWh"),
])
def test_a_counted_full_year_of_operation_is_no_fiscal_year(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty", [
    ("For the full year, Dalby's revenue rose 6%.", "6%"),
    ("Orvane now expects full year earnings of $2.30 a share.", "$2.30"),
])
def test_the_full_year_of_results_is_a_fiscal_year(extractor, text, qty):
    assert tf(extractor, text, qty) == ("FYXXXX", "in")


@pytest.mark.parametrize("text,qty,expected", [
    # a superlative whose "of" phrase holds the figure: "since" dates the record, not the figure
    ("Copper posted its biggest weekly gain of 5% since May.", "5%", None),
    ("Factory orders recorded their steepest fall of 4.2% since 2020.", "4.2%", None),
    # without the superlative the period is the figure's
    ("Rents have risen 40% since 2019.", "40%", ("2019", "since")),
    ("The biggest employer has added 4,000 since 2019.", "4,000", ("2019", "since")),
])
def test_since_after_a_superlative_of_the_figure(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected
