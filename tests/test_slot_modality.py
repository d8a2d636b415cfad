"""The modality slot's extra cues and scope rules (claimx/assembly/slots/modality.py,
modality_rules.py): one behaviour per test, each on two sentences written for it."""

from __future__ import annotations

import pytest

from tests.conftest import one


def mod(extractor, text, qty):
    c = one(extractor.extract(text), qty)
    return c.modality, (c.hedge.text if c.hedge else None)


@pytest.mark.parametrize("text,qty", [
    ("Profit came to $1.2 billion, above the $1.1 billion that analysts had expected.", "$1.1 billion"),
    ("Inflation fell to 2.9%, below the 3.1% rate that economists had forecast.", "3.1%"),
])
def test_an_expectation_in_a_relative_clause_on_the_number(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("For 2025, Halden Mining had guided to output of 400,000 ounces.", "400,000 ounces"),
    ("Ostra Air raised its full-year revenue forecast to $6.2 billion.", "$6.2 billion"),
])
def test_guidance_and_revised_forecasts_are_forecasts(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("Growth stayed above the bank's 2% target.", "2%"),
    ("The government targeted growth of 7% for 2026.", "7%"),
    ("The fund has Rs 900 crore with the aim of building 300 clinics.", "300"),
])
def test_targets(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "target"


@pytest.mark.parametrize("text,qty", [
    ("Veltra estimates that the new tariffs will cost it $300 million this year.", "$300 million"),
    ("The auditors estimate that finishing the line will require another €2 billion.", "€2 billion"),
])
def test_estimates_that_a_modal_clause_holds_are_estimates(extractor, text, qty):
    assert mod(extractor, text, qty) == ("estimate", mod(extractor, text, qty)[1]) and "estimate" in mod(extractor, text, qty)[1]


@pytest.mark.parametrize("text,qty", [
    ("Exports are forecast to fall next year, the ministry said, as tariffs of 25% take their toll.", "25%"),
    ("Demand is expected to slow, the agency said, as prices of $90 a barrel bite.", "$90 a barrel"),
])
def test_a_cue_does_not_reach_across_a_reporting_clause(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("Most shoppers, 61%, said they would spend the same, while 27% planned to spend less.", "27%"),
    ("Among the firms polled, 40% intend to hire more staff.", "40%"),
])
def test_a_share_that_is_the_subject_of_an_intention_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "asserted"


@pytest.mark.parametrize("text,qty", [
    ("The central bank now projects inflation at 4.1% for 2026.", "4.1%"),
    ("The IEA now sees demand growth of 700,000 barrels a day.", "700,000 barrels a day"),
])
def test_a_forecaster_that_now_projects(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("The scheme will create 2 million jobs by 2027 and 5 million by 2030.", "5 million"),
    ("The plant will employ 400 people by 2026 or 650 by 2028.", "650"),
])
def test_a_gapped_number_shares_the_cue(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


def test_a_new_verb_keeps_its_own_modality(extractor):
    assert mod(extractor, "Exports will rise 4%, but last year imports fell 2%.", "2%") == ("asserted", None)
    assert mod(extractor, "Output could reach 3 GW, while demand was 2.5 GW.", "2.5 GW") == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("The IMF forecast growth of 3.1% for 2026.", "3.1%"),
    ("Economists had predicted a rise of 0.3%.", "0.3%"),
])
def test_a_forecast_verb_in_the_past(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


def test_the_forecast_as_a_noun_modifier_is_no_cue(extractor):
    assert mod(extractor, "The forecast growth of 2% was missed.", "2%") == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("The IMF sees Kenya's growth at 5.2% in 2026.", "5.2%"),
    ("Copper is seen averaging $9,800 a tonne next year.", "$9,800 a tonne"),
    ("The agency sees output climbing to 3 million barrels a day.", "3 million barrels a day"),
])
def test_a_forecaster_that_sees_a_figure(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("The port sees 4 million containers a year.", "4 million"),
    ("Lisbon has seen rents rising 9% a year.", "9%"),
])
def test_seeing_a_fact_is_no_forecast(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("Drava Mining had guided to output of 90,000 ounces, at costs of A$1,800 an ounce.", "A$1,800 an ounce"),
    ("Kiro Foods guided for sales of $2.4 billion this year.", "$2.4 billion"),
    ("Pella Motors raised its annual European sales forecast by 20,000 units to 1.3 million cars.", "1.3 million"),
])
def test_guidance_reaches_past_a_costs_phrase_and_revisions_past_a_stated_difference(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty,expected", [
    ("The bank's projections show inflation at 3.4% in 2026.", "3.4%", "forecast"),
    ("Exports are unlikely to top $50 billion.", "$50 billion", "forecast"),
    ("Damage from the storm is put at around $600 million.", "around $600 million", "estimate"),
    ("The finance ministry projects a budget deficit of 3.9% of GDP.", "3.9%", "forecast"),
    ("The strategy envisages 40 new depots by 2029.", "40", "target"),
    ("Household spending should grow 1.8% next year.", "1.8%", "forecast"),
])
def test_more_forecast_estimate_and_target_cues(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected


@pytest.mark.parametrize("text,qty", [
    ("Retirees are set to spend A$510 each, or A$2.1 billion in total.", "A$2.1 billion"),
    ("The plant is expected to use 40 million litres a day, or about 15% of the city's supply.", "about 15%"),
])
def test_a_restatement_after_or_stays_in_the_cues_scope(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("The takeover, expected to close in March, values Lorca Gas at $4 billion.", "$4 billion"),
    ("Brokers expect a rebound after profit fell 14% in 2024.", "14%"),
])
def test_a_cue_outside_the_quantitys_clause_does_not_hedge_it(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Shipments are scheduled to begin at 4,000 tonnes a month.", "4,000 tonnes a month", "forecast"),
    ("The airline is on track for a profit of $1.2 billion.", "$1.2 billion", "forecast"),
    ("Norsk Paper reaffirmed its guidance for sales of NOK 14 billion.", "NOK 14 billion", "forecast"),
    ("The outlook calls for output of 600,000 ounces.", "600,000 ounces", "forecast"),
    ("The transport strategy calls for 25% of trips by bicycle.", "25%", "target"),
])
def test_schedules_guidance_and_plans(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The goal, agreed in 2022, is 300 megawatts by 2028.", "300 megawatts", "target"),
    ("The ministry's forecast is 2.6% for next year.", "2.6%", "forecast"),
])
def test_a_target_or_forecast_named_as_the_subject(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected


def test_a_revision_stated_on_its_own_is_asserted(extractor):
    assert mod(extractor, "The latest forecast is 4% higher than the one in March.", "4%") == ("asserted", None)
    assert mod(extractor, "The new projection is 12,000 tonnes lower than the previous one.", "12,000 tonnes") == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Nickel is tipped to average $16,000 a tonne in 2026.", "$16,000 a tonne", "forecast"),
    ("The league has set its sights on 2 million viewers a week.", "2 million", "target"),
    ("Brokers are expecting a dividend of 45 cents.", "45 cents", "forecast"),
])
def test_tipped_expecting_and_sights(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected


@pytest.mark.parametrize("text,qty", [
    ("Although demand is expected to weaken, Orla Foods hired 250 workers.", "250"),
    ("Expected to open in 2028, the bridge has cost €900 million so far.", "€900 million"),
    ("Rents could rise again after jumping 9% in May.", "9%"),
    ("Imports will recover, the ministry forecast, after falling 6% last year.", "6%"),
])
def test_a_cue_in_another_clause_or_before_a_past_event_does_not_hedge_it(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("The ministry's plan is to train 40,000 nurses.", "40,000"),
    ("Ghana is seeking to borrow $3 billion.", "$3 billion"),
    ("The programme aims at 12,000 apprenticeships a year.", "12,000"),
    ("The mayor has promised to plant 50,000 trees.", "50,000"),
    ("The goal: 90% of homes on fibre by 2030.", "90%"),
])
def test_more_target_cues(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "target"


@pytest.mark.parametrize("text,qty,expected", [
    ("Halvard Foods said it would close 12 plants.", "12", "forecast"),
    ("The minister announced that the state would hire 3,000 teachers.", "3,000", "forecast"),
    ("Fares would rise 15% if the subsidy ended.", "15%", "possible"),
    # a scenario frame: the corpus writes scenarios with "could" (possible), so "would" there is possible
    ("Under the adverse scenario, GDP would fall 3% in 2026.", "3%", "possible"),
    ("In a downside case, unemployment would climb to 6.5% by 2027.", "6.5%", "possible"),
])
def test_a_reported_would_is_a_forecast_and_a_conditional_one_possible(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected


@pytest.mark.parametrize("text,qty,other", [
    ("Wheat output in 2026 is forecast at 3.2 million tonnes, compared with 2.9 million tonnes in 2025.",
     "2.9 million tonnes", "3.2 million tonnes"),
    ("The deficit is projected at 4.1% of GDP this year, versus 3.6% in 2024.", "3.6%", "4.1%"),
])
def test_a_comparison_base_after_a_forecast_is_asserted(extractor, text, qty, other):
    claims = extractor.extract(text, reference_date="2025-11-20")
    assert one(claims, qty).modality == "asserted"
    assert one(claims, other).modality == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("Economists polled by Reuters had expected the Dravian economy to add 12,000 jobs in May.", "12,000"),
    ("Analysts on average expected a profit of 38 cents a share from Holt Brewing.", "38 cents"),
])
def test_a_past_expected_of_forecasters_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "forecast"


@pytest.mark.parametrize("text,qty", [
    ("Sales at Corvin rose 6%, more than expected.", "6%"),
    ("As expected, the central bank of Tamsa held its rate at 4.25%.", "4.25%"),
])
def test_than_expected_and_as_expected_leave_the_claim_asserted(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "asserted"


@pytest.mark.parametrize("text,qty", [
    ("The revised estimate for the Tarn bridge is A$100 million higher than before.", "A$100 million"),
    ("Kestrel Bank's new forecast is 0.4 percentage points lower than in July.", "0.4 percentage points"),
])
def test_a_revision_stated_on_its_own_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


def test_an_estimate_as_subject_without_a_comparative_stays_an_estimate(extractor):
    assert mod(extractor, "The estimate for the Tarn bridge is A$2 billion.", "A$2 billion")[0] == "estimate"


@pytest.mark.parametrize("text,qty", [
    ("Some 45% of households in Brell expect prices to rise next year.", "Some 45%"),
    ("A majority of Tolland's economists, 54%, expect the economy to shrink.", "54%"),
])
def test_a_share_that_is_the_subject_of_an_expectation_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


def test_a_figure_that_is_the_subject_of_a_modal_keeps_its_hedge(extractor):
    assert mod(extractor, "Some 300 jobs at Varden could go.", "Some 300")[0] == "possible"


@pytest.mark.parametrize("text,qty", [
    ("Harven Rail will hire 2,000 workers and said it employed 40,000 people in 2024.", "40,000"),
    ("The council may cut 300 jobs and added that it had 9,000 staff last year.", "9,000"),
])
def test_a_conjoined_reporting_verb_ends_the_cues_scope(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


def test_an_estimate_in_a_relative_clause_does_not_take_over_a_later_will(extractor):
    text = "Officials in Brask, who estimate that 2,000 homes were damaged, said repairs will cost $1 billion."
    assert mod(extractor, text, "$1 billion") == ("forecast", "will")


@pytest.mark.parametrize("text,qty,expected", [
    ("Exports are expected to slow to 1.8% in 2026 after 3.5% in 2025.", "3.5%", ("asserted", None)),
    ("Exports are expected to slow to 1.8% in 2026 after 3.5% in 2025.", "1.8%", ("forecast", "are expected to")),
    ("Turnover will climb to $5.5 billion versus $4.9 billion in the prior year.", "$4.9 billion", ("asserted", None)),
    ("Turnover will climb to $5.5 billion versus $4.9 billion in the prior year.", "$5.5 billion", ("forecast", "will")),
])
def test_the_base_a_hedged_figure_is_set_against_is_asserted(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,cue", [
    ("Farmers hope to harvest 12 million tonnes of wheat.", "12 million tonnes", "hope to"),
    ("Local councils want to build 40,000 homes by 2030.", "40,000", "want to"),
    ("The railway plans capital spending of €3 billion next year.", "€3 billion", "plans"),
    ("Norvik Energy plans 2 GW of offshore wind.", "2 GW", "plans"),
])
def test_hopes_wants_and_plans_with_an_object_are_targets(extractor, text, qty, cue):
    assert mod(extractor, text, qty) == ("target", cue)


@pytest.mark.parametrize("text,qty,expected", [
    ("The treasury expects 2.2% growth in 2026, after 1.9% in 2025.", "1.9%", ("asserted", None)),
    ("The treasury expects 2.2% growth in 2026, after 1.9% in 2025.", "2.2%", ("forecast", "expects")),
    ("Growth is pencilled in at 1.4% for next year.", "1.4%", ("forecast", "pencilled in")),
    ("The bank has penciled in a deficit of 3.2% of GDP.", "3.2%", ("forecast", "penciled in")),
])
def test_a_base_after_words_and_pencilled_in_forecasts(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,cue", [
    ("Retailers braced for a forecast 4% drop in footfall.", "4%", "forecast"),
    ("Brokers pointed to a predicted $2.3 billion shortfall.", "$2.3 billion", "predicted"),
    ("Officials welcomed an anticipated 15,000 visitors.", "15,000", "anticipated"),
])
def test_an_attributive_forecast_participle_before_the_figure(extractor, text, qty, cue):
    assert mod(extractor, text, qty) == ("forecast", cue)


@pytest.mark.parametrize("text,qty,expected", [
    ("Imports, which fell 9% last year, are expected to recover 5% this year.", "9%", ("asserted", None)),
    ("Imports, which fell 9% last year, are expected to recover 5% this year.", "5%", ("forecast", "are expected to")),
    ("Steel use is projected to rise 2% a year, led by India, which accounts for 8% of demand.", "8%", ("asserted", None)),
    ("Dovra expects orders of $900 million, having booked $750 million in 2024.", "$750 million", ("asserted", None)),
    ("The mall, which will house 200 shops, is forecast to cost $300 million.", "200", ("forecast", "will")),
])
def test_a_figure_in_a_clause_of_its_own_that_states_a_fact_is_asserted(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Roughly 2,400 homes in Valtra were flooded, officials estimated.", "Roughly 2,400", ("estimate", "estimated")),
    ("About 18,000 jobs were lost at the mills in 2024, the union estimates.", "About 18,000", ("estimate", "estimates")),
    ("Copper demand reaches 40 million tonnes in 2040, the consultancy forecast.", "40 million tonnes",
     ("forecast", "forecast")),
    ("Fares rise 6% in 2027 under the new contract, the regulator projected on Monday.", "6%", ("forecast", "projected")),
])
def test_a_closing_report_clause_with_an_estimate_or_forecast_verb(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Sales at Norvik rose 4% in October, more than analysts had forecast.", "4%"),
    ("Exports from Tarma grew 3% last year, according to official estimates.", "3%"),
    ("Ridership on the Dovre line reached 2 million, the operator said.", "2 million"),
])
def test_a_closing_comparison_or_attribution_is_no_report_clause(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Brennan Tools kept its forecast for operating profit of $900 million unchanged.", "$900 million",
     ("forecast", "forecast")),
    ("The projection for 2027 has been lowered to 1.4%.", "1.4%", ("forecast", "projection")),
])
def test_a_figure_in_a_forecast_nouns_for_or_of_phrase_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Deliveries at Corvo Air are on pace to reach 310 jets this year.", "310", ("forecast", "on pace to")),
    ("Bookings at Lindqvist Hotels are on pace for a record 4 million nights.", "4 million", ("forecast", "on pace for")),
    ("Chip sales are heading towards $900 billion in 2026.", "$900 billion", ("forecast", "heading towards")),
])
def test_on_pace_and_heading_towards_are_forecasts(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The expected 3% rise in Tallin rents did not come.", "3%", ("forecast", "expected")),
    ("Its projected 40,000 tonnes of output depends on rain.", "40,000 tonnes", ("forecast", "projected")),
])
def test_an_expected_or_projected_figure_after_a_determiner_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Pellow Stores now guides to earnings of $3.10 a share.", "$3.10", ("forecast", "guides")),
    ("For 2026, the miner guides for output of 210,000 ounces.", "210,000 ounces", ("forecast", "guides")),
])
def test_a_guidance_verb_in_the_present_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,other", [
    ("Analysts said the policy rate, currently 5.25%, will fall to 4.5% by June.", "5.25%", "4.5%"),
    ("Unemployment in Rulen, now at 7.1%, is expected to ease to 6.8% next year.", "7.1%", "6.8%"),
])
def test_a_figure_in_a_present_appositive_is_asserted_and_undated(extractor, text, qty, other):
    assert mod(extractor, text, qty) == ("asserted", None)
    assert mod(extractor, text, other)[0] == "forecast"
    c = one(extractor.extract(text, reference_date="2025-11-20"), qty)
    assert c.timeframe is None


@pytest.mark.parametrize("text,qty,other", [
    ("Halden Foods expects sales to rise 6% and its shares jumped 4% on the news.", "4%", "6%"),
    ("The agency will raise fees by 5% and its budget grew 2% last year.", "2%", "5%"),
])
def test_a_conjoined_past_clause_with_its_own_subject_is_outside_the_hedge(extractor, text, qty, other):
    assert mod(extractor, text, qty) == ("asserted", None)
    assert mod(extractor, text, other)[0] == "forecast"


@pytest.mark.parametrize("text,qty,expected", [
    ("Growth in Varna was 1.6%, below expectations of 2.0%.", "2.0%", ("forecast", "expectations")),
    ("Market expectations are for a policy rate of 3.75% by June.", "3.75%", ("forecast", "expectations")),
])
def test_a_figure_of_expectations_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The finance ministry sees revenue of 3.1 trillion rupees in 2026-27.", "3.1 trillion rupees", ("forecast", "sees")),
    ("Tarrow Bank sees loan growth of 7% next year.", "7%", ("forecast", "sees")),
])
def test_a_forecaster_that_sees_a_figure_of_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The bank expects inflation to ease to 2.4% in 2026, and unemployment to rise to 6.1%.", "6.1%",
     ("forecast", "expects")),
    ("Analysts expect exports to climb 5%, and imports to grow 3%.", "3%", ("forecast", "expect")),
])
def test_an_infinitive_conjoined_to_the_cue_verb_stays_in_its_scope(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Its goals include 30 GW of offshore wind by 2032.", "30 GW", ("target", "goals")),
    ("The plan's targets include 4,000 new buses.", "4,000", ("target", "targets")),
])
def test_a_target_noun_that_includes_the_figure_is_a_target(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Retail sales fell 2%, worse than the 0.8% drop expected by economists.", "0.8%", ("forecast", "expected")),
    ("The jobless rate rose to 5.1%, above the 4.9% predicted in a Reuters poll.", "4.9%", ("forecast", "predicted")),
    ("Kolby Air's loss of $90 million was smaller than the $120 million forecast by analysts.", "$120 million",
     ("forecast", "forecast")),
])
def test_an_expectation_participle_after_the_figure_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Exports rose 6%, more than the 4% economists polled by Reuters expected.", "4%", ("forecast", "expected")),
    ("Orsa Bank's profit beat the $410 million consensus estimate.", "$410 million", ("estimate", "estimate")),
    ("Core inflation in Lorca was 3.3%, above the 3.1% forecast.", "3.1%", ("forecast", "forecast")),
])
def test_an_expectation_clause_or_noun_after_the_figure(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Sales at Brisk Foods rose 4% as expected.", "4%"),
    ("Prices in Tula fell 2%, less than forecast.", "2%"),
])
def test_as_expected_and_than_forecast_leave_the_figure_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("In May, copper exports from Peru rose 5%.", "5%"),
    ("Since May, bread prices in Oran have risen 3%.", "3%"),
    ("Between May and July, ferry bookings grew 8%.", "8%"),
    ("The film starring Will Ferrant earned $40 million.", "$40 million"),
])
def test_the_month_may_and_a_name_will_are_no_hedges(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Prices in Oran may rise 3% in May.", "3%", ("possible", "may")),
    ("Will Ferrant said sales will reach $5 million.", "$5 million", ("forecast", "will")),
])
def test_the_lower_case_modals_stay_hedges(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The 5% fall in Kessel's sales is due to weaker demand.", "5%"),
    ("The rise in the jobless rate to 4.6% is due to seasonal hiring.", "4.6%"),
])
def test_due_to_before_a_noun_gives_a_cause_not_a_schedule(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("The Ardo plant is due to open in 2027 with 350 jobs.", "350", ("forecast", "is due to")),
    ("The new terminals are due to handle 2 million containers a year.", "2 million", ("forecast", "are due to")),
])
def test_due_to_before_a_verb_is_a_schedule(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Its target market in Asia is worth $5 billion.", "$5 billion"),
    ("The app's target audience numbers 40 million people.", "40 million"),
])
def test_a_target_market_or_audience_is_no_target(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("The cabinet approved targeted subsidies worth $2 billion.", "$2 billion"),
    ("Targeted relief of 4,000 rand a month went to 2 million families.", "2 million"),
])
def test_targeted_as_an_adjective_of_aid_is_no_target(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("The expected deficit of 4.2% worries bond investors in Lima.", "4.2%", ("forecast", "expected")),
    ("Anticipated spending of $1.3 billion on the Korva dam is on hold.", "$1.3 billion", ("forecast", "Anticipated")),
])
def test_an_expectation_adjective_on_the_noun_of_the_figure_is_a_forecast(extractor, text, qty, expected):
    assert mod(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Rents rose faster than expected, by 6% in Braga.", "6%"),
    ("Sales came in higher than forecast levels of 3%.", "3%"),
])
def test_than_before_the_expectation_adjective_leaves_it_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    ("Sales at Dorne rose 3% in the quarter, beating the company's forecast.", "3%"),
    ("Exports from Tarma grew 4%, above the ministry's estimate.", "4%"),
    ("Profit at Velk fell 10%, missing its own forecast.", "10%"),
])
def test_a_closing_comparison_with_a_forecast_noun_is_no_report_clause(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,cue", [
    ("The tourism board wants 26 million visitors a year by 2030.", "26 million", "wants"),
    ("Growers want a 12% share of the export market.", "12%", "want"),
])
def test_wanting_a_figure_is_a_target(extractor, text, qty, cue):
    assert mod(extractor, text, qty) == ("target", cue)


@pytest.mark.parametrize("text,qty", [
    ("Some 38% of tenants want lower rents.", "Some 38%"),
    ("Investors want clarity, and shares fell 5% on Monday.", "5%"),
])
def test_a_figure_that_wants_or_a_want_in_another_clause_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty,cue", [
    ("The heatwave threatens to cut maize yields by 15%.", "15%", "threatens to"),
    ("New tariffs threaten to wipe $3 billion off farm exports.", "$3 billion", "threaten to"),
])
def test_threatening_a_figure_is_a_possibility(extractor, text, qty, cue):
    assert mod(extractor, text, qty) == ("possible", cue)


@pytest.mark.parametrize("text,qty", [
    ("The union threatened to strike after wages fell 3%.", "3%"),
    ("Output dropped 6%, and the slump threatens to deepen.", "6%"),
])
def test_a_threat_after_or_beside_a_stated_figure_leaves_it_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    # a figure that "is targeted/planned" for a time is a target, as "targeted at" and "plans to" are
    ("Growth of 5% is targeted for 2026.", "5%"),
    ("A 3% cut in emissions is targeted by 2028.", "3%"),
    ("Capacity of 4 GW is planned by 2028, the utility said.", "4 GW"),
])
def test_is_targeted_or_planned_after_the_figure_is_a_target(extractor, text, qty):
    assert mod(extractor, text, qty)[0] == "target"


@pytest.mark.parametrize("text,qty,expected", [
    # an expectation participle after the figure, before "for" a time, is a forecast
    ("The 4% growth expected for 2026 is modest.", "4%", "forecast"),
    ("The 2.5% rise forecast for next year is small.", "2.5%", "forecast"),
    # "as expected" / "than expected" compare with a forecast: the figure is stated as fact
    ("Profit rose 5% as expected in the quarter.", "5%", "asserted"),
    ("Exports grew 3.4%, faster than expected in the second quarter.", "3.4%", "asserted"),
])
def test_an_expectation_participle_after_the_figure(extractor, text, qty, expected):
    assert mod(extractor, text, qty)[0] == expected


@pytest.mark.parametrize("text,qty", [
    # the base a forecast is set against is stated as fact, also when a noun and "of" name it
    ("The company expects revenue of $4 billion, after sales of $3.6 billion last year.", "$3.6 billion"),
    ("Growth is expected to slow to 2.1% in 2026, after growth of 2.8% in 2025.", "2.8%"),
    ("Output will reach 5 GW, compared with capacity of 4 GW in 2024.", "4 GW"),
])
def test_a_base_named_by_a_noun_after_a_forecast_is_asserted(extractor, text, qty):
    assert mod(extractor, text, qty) == ("asserted", None)


@pytest.mark.parametrize("text,qty", [
    # "poised for" is a forecast, as "poised to" and "set for" are
    ("Exports are poised for a 7% rise this year.", "7%"),
    ("Rice output is poised for a record 140 million tonnes in 2026.", "140 million tonnes"),
])
def test_poised_for_is_a_forecast(extractor, text, qty):
    assert mod(extractor, text, qty) == ("forecast", "poised for")
