"""Slot behaviours probed with a third round of made-up sentences of the development corpus's kinds
(business, energy and economy news; policy reports; central bank and statistics office releases;
budget documents): modality and hedge, timeframe, kind and attribution. One behaviour per test, each
on sentences written for it (none from the corpora); the reference date is
tests.probe_readers.REF."""

from __future__ import annotations

import pytest

from tests.probe_readers import attr, claim, kind, mod, tf


# --- modality and hedge -------------------------------------------------------------------------

@pytest.mark.parametrize("text,qty,expected", [
    ("Offshore wind capacity is on track to reach 60 GW by 2030, the industry body said.", "60 GW",
     ("forecast", "on track to")),
    ("The refinery is poised to process 400,000 barrels a day next year.", "400,000 barrels a day",
     ("forecast", "poised to")),
    ("Brent is set to average $78 a barrel in the fourth quarter.", "$78 a barrel", ("forecast", "is set to")),
    ("The economy is tipped to grow 1.4% next year.", "1.4%", ("forecast", "is tipped to")),
])
def test_a_course_phrase_before_the_verb_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The country is on course for a budget deficit of 5.5% this year.", "5.5%"),
    ("The carmaker is on track for record deliveries of 2 million vehicles in 2025.", "2 million"),
    ("Europe is heading for a gas shortfall of 20 billion cubic metres next winter.", "20 billion cubic metres"),
])
def test_a_course_phrase_with_for_and_a_noun_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty,hedge", [
    ("The government aims for a budget deficit of 2.9% of GDP in 2026.", "2.9%", "aims for"),
    ("Ministers are aiming for 1.5 million new homes by 2029.", "1.5 million", "aiming for"),
])
def test_aims_for_a_noun_is_a_target(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("target", hedge)


@pytest.mark.parametrize("text,qty", [
    ("Economists have penciled in a further cut of 25 basis points in September.", "25 basis points"),
    ("Markets have pencilled in rate cuts totalling 75 basis points by December.", "75 basis points"),
])
def test_pencilled_in_is_a_forecast_in_either_spelling(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("The consensus sees third-quarter growth of 0.4%.", "0.4%"),
    ("The chipmaker sees full-year revenue of $4.5 billion.", "$4.5 billion"),
    ("Analysts polled by the agency see the deficit at 3.2% of GDP this year.", "3.2%"),
])
def test_a_forecaster_that_sees_a_figure_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("The budget assumes an oil price of $70 a barrel for 2026.", "$70 a barrel"),
    ("The finance ministry's plan assumes growth of 1.2% next year.", "1.2%"),
    ("The authority has budgeted $1.2 billion for the programme in 2026.", "$1.2 billion"),
])
def test_a_budget_assumption_or_allocation_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("Carmakers are mandated to sell 80% zero-emission vehicles by 2030.", "80%"),
    ("The regulator has capped annual price rises at 3%.", "3%"),
    ("Banks must hold capital of at least 8% of risk-weighted assets.", "at least 8%"),
])
def test_a_mandate_cap_or_legal_minimum_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,hedge", [
    ("The utility pledged to cut its emissions by 45% by 2035.", "45%", "pledged to"),
    ("The government has promised to build 300,000 homes a year.", "300,000", "has promised to"),
    ("The party vowed to cut the deficit to 3% of GDP by 2028.", "3%", "vowed to"),
])
def test_a_promise_to_do_is_a_target(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("target", hedge)


@pytest.mark.parametrize("text,qty,hedge", [
    ("Canada has pledged 2% of GDP for defence by 2032.", "2%", "pledged"),
    ("The commission proposed a 90% cut in net emissions by 2040.", "90%", "proposed"),
    ("The ministry has proposed raising the levy to 12% from next year.", "12%", "proposed"),
])
def test_a_pledge_or_proposal_with_the_figure_in_its_object_is_a_target(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("target", hedge)


@pytest.mark.parametrize("text,qty", [
    ("Lawmakers who proposed the bill said rents rose 8% last year.", "8%"),
    ("The senator, who pledged support for the bill, said prices rose 4% in May.", "4%"),
])
def test_a_pledge_or_proposal_in_another_clause_does_not_hedge_the_figure(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("The bank has set itself an ambition to lend $100 billion by 2030.", "$100 billion"),
    ("The group has an ambition of 5 GW of installed capacity by 2028.", "5 GW"),
])
def test_an_ambition_to_or_of_is_a_target(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "target"


@pytest.mark.parametrize("text,qty,hedge", [
    ("Exporters stand to lose as much as $3 billion from the tariffs.", "as much as $3 billion", "stand to"),
    ("Farmers stand to gain about $500 million a year from the deal.", "about $500 million", "stand to"),
    ("The lender stands to book a gain of $250 million on the sale.", "$250 million", "stands to"),
])
def test_stand_to_is_a_possibility(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("possible", hedge)


def test_stand_at_is_no_cue(extractor):
    assert mod(extractor, "The shares stand at 120 pence.", "120 pence") == ("asserted", None)


@pytest.mark.parametrize("text,qty,hedge", [
    ("Insured losses could reach as much as $40 billion this year.", "as much as $40 billion", "could reach"),
    ("Damage from the storm could total as much as $8 billion.", "as much as $8 billion", "could"),
])
def test_could_with_as_much_as_is_possible_with_an_upper_bound(extractor, text, qty, hedge):
    c = claim(extractor, text, qty)
    assert (c.modality, c.hedge.text, c.quantity.comparator) == ("possible", hedge, "<=")


@pytest.mark.parametrize("text,qty", [
    ("The drought may have cut the wheat harvest by 15% last season.", "15%"),
    ("Output may have fallen 2% in the second quarter, a flash estimate suggests.", "2%"),
])
def test_a_perfect_may_have_is_possible(extractor, text, qty):
    assert mod(extractor, text, qty) == ("possible", "may")


@pytest.mark.parametrize("text,qty,hedge", [
    ("If oil stays above $90, inflation would rise to 4% next year.", "4%", "would"),
    ("Were tariffs to take effect, exports would drop by 8% in 2026.", "8%", "would"),
    ("Unless rates fall, home sales could slide 10% next year.", "10%", "could"),
])
def test_the_consequence_of_a_condition_is_possible(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("possible", hedge)


@pytest.mark.parametrize("text,qty,hedge", [
    ("The central bank is not expected to lift rates above 4% this year.", "above 4%", "not expected to"),
    ("Output is unlikely to exceed 2 million barrels a day before 2027.", "2 million barrels", "unlikely to"),
    ("Prices are not forecast to fall below $60 a barrel this year.", "below $60 a barrel", "not forecast to"),
])
def test_a_negated_forecast_stays_a_forecast_with_its_negation(extractor, text, qty, hedge):
    c = claim(extractor, text, qty)
    assert c.modality == "forecast" and set(hedge.split()) & set(c.hedge.text.split())


@pytest.mark.parametrize("text,qty,comparator", [
    ("Sales are expected to reach at least $10 billion in 2026.", "at least $10 billion", ">="),
    ("The new mine will produce up to 5 million tonnes a year from 2027.", "up to 5 million tonnes", "<="),
])
def test_a_bound_inside_a_hedged_figure_keeps_the_forecast(extractor, text, qty, comparator):
    c = claim(extractor, text, qty)
    assert (c.modality, c.quantity.comparator) == ("forecast", comparator)


@pytest.mark.parametrize("text,qty,hedge", [
    ("The levy is to rise to 12% in 2026.", "12%", "is to"),
    ("Fares are to increase by 5% from January.", "5%", "are to"),
    ("The tax is to be raised to 20% next year.", "20%", "is to"),
    ("The company is to cut 2,000 jobs.", "2,000", "is to"),
])
def test_the_be_to_future_before_a_verb_is_a_forecast(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("forecast", hedge)


@pytest.mark.parametrize("text,qty,expected", [
    ("The plan is to cut costs by 10%.", "10%", "target"),
    ("The key is to add 5 GW of storage.", "5 GW", "asserted"),
    ("Exports are to blame for 40% of the drop.", "40%", "asserted"),
    ("Growth is to the tune of 5%.", "5%", "asserted"),
])
def test_be_to_after_a_plan_noun_or_before_no_verb_is_no_schedule(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected

@pytest.mark.parametrize("text,qty", [
    ("The company said in a statement that it would cut 1,200 jobs.", "1,200"),
    ("The bank said on Friday that it would raise $2 billion.", "$2 billion"),
    ("The ministry said in its annual report that exports would grow 4%.", "4%"),
])
def test_a_reported_would_after_the_channel_or_day_of_the_report_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty) == ("forecast", "would")

@pytest.mark.parametrize("text,qty,hedge", [
    ("Output will reach 120 GW, above the 100 GW target.", "100 GW", "target"),
    ("The company expects to deliver 1.8 million cars, short of its 2 million goal.", "2 million", "goal"),
])
def test_a_target_noun_right_after_the_figure_names_it_under_another_cue(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("target", hedge)


def test_the_figure_before_the_target_keeps_its_own_cue(extractor):
    assert mod(extractor, "Output will reach 120 GW, above the 100 GW target.", "120 GW") == ("forecast", "will")


@pytest.mark.parametrize("text,qty", [
    ("The company expects sales to rise 4% and has already hired 300 staff.", "300"),
    ("The firm will open 50 stores and currently runs 1,200.", "1,200"),
])
def test_a_conjoined_verb_with_a_tense_of_its_own_is_not_under_the_cue(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales will rise 5% and reach $2 billion.", "$2 billion", ("forecast", "will")),
    ("The group will cut 2,000 jobs and close 12 plants.", "12", ("forecast", "will")),
    ("The company expects sales to rise 4% and profit to climb 8%.", "8%", ("forecast", "expects")),
])
def test_a_conjoined_base_form_or_infinitive_stays_under_the_cue(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected

@pytest.mark.parametrize("text,qty", [
    ("Demand will rise 3% this year, slower than the 5% growth in 2024.", "5%"),
    ("Demand will rise 3% this year, less than the 5% recorded in 2024.", "5%"),
    ("Sales are expected to hit $5 billion, more than double the $2.1 billion posted in 2022.", "$2.1 billion"),
    ("Growth is forecast to slow to 1.2% from 1.8% last year.", "1.8%"),
])
def test_a_past_value_set_against_a_hedged_figure_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


def test_an_expected_value_set_against_a_hedged_figure_stays_hedged(extractor):
    text = "Sales will grow 3% in 2025, slower than the 5% growth expected in 2026."
    assert mod(extractor, text, "5%")[0] == "forecast"

@pytest.mark.parametrize("text,qty,hedge", [
    ("Officials reckon that 300 homes were destroyed.", "300", "reckon that"),
    ("The stake is reckoned to be worth $2 billion.", "$2 billion", "is reckoned to"),
    ("The damage was reckoned at $1 billion.", "$1 billion", "reckoned at"),
])
def test_reckon_that_or_reckoned_at_is_an_estimate(extractor, text, qty, hedge):
    assert mod(extractor, text, qty) == ("estimate", hedge)


@pytest.mark.parametrize("text,qty", [
    ("Some estimates put the cost at $50 billion.", "$50 billion"),
    ("The storm is estimated to have caused $3 billion in damage.", "$3 billion"),
    ("By one estimate, 2 million people lost power.", "2 million"),
    ("It is estimated that 1.5 million jobs depend on the industry.", "1.5 million"),
])
def test_estimates_in_their_news_forms(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "estimate"

# --- attribution ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,qty,expected", [
    ("Exports rose 6% in May, the ministry's data showed.", "6%", "the ministry's data showed"),
    ("The airline's shares fell 8% on Monday, LSEG data showed.", "8%", "LSEG data showed"),
    ("Industrial output grew 2.1% in April, figures from the statistics office showed.", "2.1%",
     "figures from the statistics office showed"),
])
def test_a_closing_data_showed_clause_is_the_attribution(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Data compiled by Bloomberg show that inflows reached $4 billion in May.", "$4 billion",
     "Data compiled by Bloomberg show"),
    ("Figures compiled by the agency show that exports fell 4% in May.", "4%", "Figures compiled by the agency show"),
    ("Data from Bloomberg show that inflows reached $4 billion in May.", "$4 billion", "Data from Bloomberg show"),
])
def test_an_evidence_verb_the_parser_reads_as_a_noun_still_names_the_source(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.xfail(strict=True, reason="the parser reads 'bank show' as one noun, the object of 'from', with the "
                   "clause under it: no token heads the sentence as the reporting verb")
def test_an_evidence_verb_read_as_the_last_noun_of_a_from_phrase(extractor):
    text = "Data from the central bank show that deposits rose 3% in April."
    assert attr(extractor, text, "3%") == "Data from the central bank show"


def test_a_noun_show_before_a_relative_that_names_no_source(extractor):
    assert attr(extractor, "The show that opened in May sold 40,000 tickets.", "40,000") is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Analysts at Goldman Sachs said Brent would average $80 a barrel in 2026.", "$80 a barrel",
     "Analysts at Goldman Sachs said"),
    ("The group will cut 2,000 jobs, its chief executive told Reuters.", "2,000", "its chief executive told"),
    ("The state will invest $5 billion in the project, sources told Reuters.", "$5 billion", "sources told"),
    ("The company expects revenue of $3 billion, people familiar with the matter said.", "$3 billion",
     "people familiar with the matter said"),
])
def test_analysts_at_a_firm_and_told_a_news_agency_name_the_source(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("In a note to clients, Morgan Stanley said copper could hit $12,000 a tonne.", "$12,000 a tonne"),
    ("Inflation will ease to 2.5% by December, the bank wrote in a note to clients.", "2.5%"),
    ("Demand will grow 3% this year, the agency said in its monthly oil market report.", "3%"),
])
def test_the_channel_of_a_report_stays_out_of_the_source(extractor, text, qty):
    a = attr(extractor, text, qty)
    assert a is not None and "note" not in a and "report" not in a


@pytest.mark.parametrize("text,qty,expected", [
    ("GDP grew 0.4% in the first quarter, according to preliminary data from Eurostat.", "0.4%",
     "according to preliminary data from Eurostat"),
    ("According to the ministry's estimates, 1.2 million households lack power.", "1.2 million",
     "According to the ministry's estimates"),
])
def test_according_to_with_a_qualified_source(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Supply rose by 200,000 barrels a day, the agency highlighted.", "200,000 barrels a day", "the agency highlighted"),
    ("Costs climbed 12% last year, the minister acknowledged.", "12%", "the minister acknowledged"),
    ("Exports will grow 4% in 2026, the bank reckoned.", "4%", "the bank reckoned"),
    ("Demand fell 3% in May, the group stressed.", "3%", "the group stressed"),
    ("The audit concluded that the line would cost €24 billion.", "€24 billion", "The audit concluded"),
    ("The regulator emphasised that 40% of homes lack insulation.", "40%", "The regulator emphasised"),
])
def test_more_reporting_verbs_of_news_name_the_source(extractor, text, qty, expected):
    assert attr(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The carmaker recalled 50,000 vehicles in May.", "50,000"),
    ("The hospital admitted 300 patients last week.", "300"),
    ("The report highlighted a 20% rise in costs.", "20%"),
])
def test_a_reporting_verb_with_the_figure_as_its_object_is_the_claims_verb(extractor, text, qty):
    assert attr(extractor, text, qty) is None

# --- kind ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,qty,expected", [
    ("Net profit doubled to $1.2 billion in H1 2025.", "$1.2 billion", ("change", "increase")),
    ("Exports tripled to $900 million in 2024.", "$900 million", ("change", "increase")),
    ("Shipments halved to 300,000 units in 2024.", "300,000", ("change", "decrease")),
    ("The budget deficit was halved to 2% of GDP.", "2%", ("change", "decrease")),
])
def test_a_multiplied_or_halved_end_point_is_the_change(extractor, text, qty, expected):
    assert kind(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Renewables supplied a third of the country's electricity in 2024.", "a third"),
    ("Two-thirds of respondents expect prices to rise.", "Two-thirds"),
])
def test_a_fraction_of_a_whole_is_a_level(extractor, text, qty):
    assert kind(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Shares fell to 120 pence after the results.", "120 pence", ("change", "decrease")),
    ("The operating margin widened to 14.5% in the second quarter.", "14.5%", ("change", "increase")),
    ("Gross margin narrowed to 31% in 2024 from 34%.", "31%", ("change", "decrease")),
    ("The trade surplus shrank to $12 billion in May.", "$12 billion", ("change", "decrease")),
])
def test_a_price_or_margin_moving_to_a_figure_is_the_change(extractor, text, qty, expected):
    assert kind(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Costs mounted to $4 billion.", "$4 billion", ("change", "increase")),
    ("Prices leapt 12% in April.", "12%", ("change", "increase")),
    ("Inflation quickened to 3.2%.", "3.2%", ("change", "increase")),
    ("The loss deepened to $200 million.", "$200 million", ("change", "increase")),
    ("The stockpile dwindled to 12 days of supply.", "12 days", ("change", "decrease")),
    ("Net debt was pared to $9 billion.", "$9 billion", ("change", "decrease")),
    ("Sales collapsed 40% in May.", "40%", ("change", "decrease")),
    ("Import demand ebbed to 1.1 million tonnes.", "1.1 million tonnes", ("change", "decrease")),
])
def test_news_verbs_of_rising_and_falling_are_changes(extractor, text, qty, expected):
    assert kind(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Mounting costs of $4 billion hit profit.", "$4 billion"),
    ("The collapsed bank had deposits of $9 billion.", "$9 billion"),
])
def test_a_change_verb_as_a_modifier_makes_no_change(extractor, text, qty):
    assert kind(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty", [
    ("Natural gas prices hit a record high of €340 per megawatt hour in August 2022.", "€340 per megawatt hour"),
    ("The share of renewables reached a record 45% in 2024.", "45%"),
    ("Unemployment was unchanged at 4.5%.", "4.5%"),
])
def test_a_record_reached_or_an_unchanged_rate_is_a_level(extractor, text, qty):
    assert kind(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty", [
    ("The economy expanded at an annualised rate of 2.8% in the quarter.", "2.8%"),
    ("Revenue grew at a compound annual rate of 15% between 2019 and 2024.", "15%"),
    ("Sales hit $5 billion, up from $4.1 billion a year earlier.", "$5 billion"),
])
def test_growth_rates_and_up_from_are_increases(extractor, text, qty):
    assert kind(extractor, text, qty) == ("change", "increase")


# --- timeframe -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,qty,expected", [
    ("Year to date, the benchmark index has gained 12%.", "12%", ("2025", "in")),
    ("The index is up 9% year to date.", "9%", ("2025", "in")),
    ("So far this year, the fund has attracted $2 billion.", "$2 billion", ("2025", "in")),
])
def test_year_to_date_is_the_reference_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In the first nine months of 2024, revenue rose 8% to $4.2 billion.", "8%", ("2024-01/2024-09", "between")),
    ("In the first four months of 2025, imports fell 3%.", "3%", ("2025-01/2025-04", "between")),
    ("Exports climbed 4% in the three months to May.", "4%", ("2025-03/2025-05", "between")),
    ("Net income rose 11% in the nine months to September 2024.", "11%", ("2024-01/2024-09", "between")),
    ("House prices rose 4.1% in the 12 months to April.", "4.1%", ("2024-05/2025-04", "between")),
])
def test_the_first_or_the_last_months_of_a_year_are_a_month_span(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Net profit doubled to $1.2 billion in H1 2025.", "$1.2 billion", ("2025-H1", "in")),
    ("Earnings rose 20% in 1H25.", "20%", ("2025-H1", "in")),
    ("Margins should improve to 18% in the second half of next year.", "18%", ("2026-H2", "in")),
])
def test_halves_with_a_year_in_any_spelling(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The utility plans to install 2 million smart meters by end-2026.", "2 million", ("2026", "by")),
    ("The agency expects battery storage of 150 GW by end-2028.", "150 GW", ("2028", "by")),
])
def test_by_end_year_is_a_deadline_of_that_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Solar capacity will grow at an annual rate of 7% from 2025 to 2030.", "7%", ("2025/2030", "between")),
    ("Imports fell 3% between 2020 and 2024.", "3%", ("2020/2024", "between")),
    ("Growth is projected to average 2.3% over 2025-27.", "2.3%", ("2025/2027", "between")),
])
def test_a_span_of_years_is_between(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Profit rose 5% in Q3 FY25.", "5%", ("FY2025-Q3", "in")),
    ("Revenue grew 12% in the first quarter of fiscal 2026.", "12%", ("FY2026-Q1", "in")),
    ("Revenue in the fiscal third quarter of 2025 rose 9% to $3.1 billion.", "9%", ("FY2025-Q3", "in")),
])
def test_a_quarter_of_a_fiscal_year_is_named_by_the_fiscal_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Unemployment was 4.2% in May, compared with 4.6% a year earlier.", "4.6%", ("2024-05", "in")),
    ("Sales are forecast to rise 2% next quarter.", "2%", ("2025-Q3", "in")),
])
def test_periods_relative_to_the_sentence_or_the_reference_date(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales rose 5% in 2024. Over the same period, costs climbed 8%.", "8%", ("2024", "in")),
    ("Sales rose 5% in 2024. Costs climbed 8% over the same period.", "8%", ("2024", "in")),
    ("Revenue in fiscal 2025 rose 9%. Over the same period, costs rose 4%.", "4%", ("FY2025", "in")),
])
def test_the_same_period_after_a_year_is_that_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Exports rose 12% between January and June 2025. Over those months, imports fell 3%.", "3%",
     ("2025-01/2025-06", "between")),
    ("Sales rose 8% in the first half of 2025. During those months, the firm hired 300 staff.", "300", ("2025-H1", "in")),
    ("Sales rose 8% in the first half of 2025. In the same months, costs rose 2%.", "2%", ("2025-H1", "in")),
])
def test_those_months_without_a_count_is_the_period_named_before(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected

@pytest.mark.parametrize("text,qty,expected", [
    ("Emissions were 20% below 2005 levels in 2024.", "20%", ("2024", "in")),
    ("Output was 12% above 2019 levels in 2023.", "12%", ("2023", "in")),
    ("Output was 5% above 2019 in 2024.", "5%", ("2024", "in")),
])
def test_a_period_after_a_base_years_levels_is_the_claims(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Sales were 8% above 2019 levels.", "8%"),
    ("Prices were 10% below the level in 2019.", "10%"),
])
def test_a_base_years_levels_alone_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None
