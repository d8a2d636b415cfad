"""The kind slot's change rules (claimx/assembly/slots/kind.py, kind_rules.py): one behaviour per
test, each on two sentences written for it."""

from __future__ import annotations

import pytest

from tests.conftest import one


def kind_of(extractor, text, qty):
    c = one(extractor.extract(text), qty)
    return c.kind, (c.change.direction if c.change else None)


@pytest.mark.parametrize("text,qty,expected", [
    ("Home prices in Leeds were 2.4% lower in May than a year earlier.", "2.4%", ("change", "decrease")),
    ("Ferrovia carried 18% more passengers than a year earlier.", "18%", ("change", "increase")),
    ("Copper is now 7% below its March peak.", "7%", ("change", "decrease")),
])
def test_a_comparative_against_a_base_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Mining (+41,000) and retail (+12,000) led the gains.", "+41,000", ("change", "increase")),
    ("Tourism receipts (+6.5%) beat forecasts.", "+6.5%", ("change", "increase")),
])
def test_a_written_plus_sign_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


def test_a_negative_margin_stays_a_level(extractor):
    assert kind_of(extractor, "Orla Freight's operating margin was −1.2% last year.", "−1.2%")[0] == "level"


@pytest.mark.parametrize("text,qty,expected", [
    ("Brisa Energy raised its full-year output forecast to 12 million barrels.", "12 million barrels", ("change", "increase")),
    ("The bank cut its growth outlook for 2026 by 0.3 percentage points.", "0.3 percentage points", ("change", "decrease")),
])
def test_a_transitive_revision_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Heavy rain lifted hydro output by 11% to 48 TWh.", "48 TWh"),
    ("Analysts expect the index to fall another 4% in 2026, to 2,900 points.", "2,900"),
])
def test_a_stated_difference_makes_the_end_point_a_level(extractor, text, qty):
    assert kind_of(extractor, text, qty)[0] == "level"


@pytest.mark.parametrize("text,qty,expected", [
    ("Hotel occupancy slipped back to 71%.", "71%", ("change", "decrease")),
    ("Mortgage rates edged down to 5.1%.", "5.1%", ("change", "decrease")),
])
def test_a_particle_between_the_change_verb_and_to(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Operating income slipped 0.6% in the quarter.", "0.6%", ("change", "decrease")),
    ("Retail sales ticked up 0.2% in October.", "0.2%", ("change", "increase")),
])
def test_change_verbs_beyond_the_cue_list(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Inflation in Torvia picked up to 2.9% in June.", "2.9%", ("change", "increase")),
    ("Producer prices cooled to 2.4% in September.", "2.4%", ("change", "decrease")),
    ("Wholesale prices cooled 0.3% in August.", "0.3%", ("change", "decrease")),
    ("Freight rates rocketed 300% last year.", "300%", ("change", "increase")),
    ("Shares of Calder Bank dived 12% on Monday.", "12%", ("change", "decrease")),
    ("Brent crude crashed 8% to $61 a barrel.", "8%", ("change", "decrease")),
    ("The budget deficit is narrowing to 3.9% of GDP.", "3.9%", ("change", "decrease")),
])
def test_more_change_verbs_of_market_reports(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.xfail(strict=True, reason="'fell to a record low of Y': skipping 'a record low of' between the change verb and "
                   "its end point raised tune but lowered check on corpus/dev, so the kind slot does not do it")
def test_a_record_low_between_the_change_verb_and_its_end_point(extractor):
    assert kind_of(extractor, "The jobless rate for young men fell to a record low of 6.2%.", "6.2%") == ("change", "decrease")


@pytest.mark.parametrize("text,qty,expected", [
    ("Exports are expected to grow 2.4% in 2025 and 1.9% in 2026.", "1.9%", ("change", "increase")),
    ("Solar output is projected to rise 12% and wind output 7%.", "7%", ("change", "increase")),
    ("Farms must cut their water use by 60%, factories by 20%.", "20%", ("change", "decrease")),
])
def test_a_gapped_coordination_shares_the_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Imports rose 5% and the deficit was $3 billion.", "$3 billion"),
    ("Orders rose 6% to $2 billion and shipments 3% to $1.5 billion.", "$1.5 billion"),
])
def test_a_verb_or_an_end_point_stops_the_gapping(extractor, text, qty):
    assert kind_of(extractor, text, qty)[0] == "level"


@pytest.mark.parametrize("text,qty,expected", [
    ("The economy expanded at an average annual rate of 6%.", "6%", ("change", "increase")),
    ("Tourism grew at a compound annual rate of 9% between 2015 and 2019.", "9%", ("change", "increase")),
    ("Europe is projected to grow a modest 3.1%.", "3.1%", ("change", "increase")),
])
def test_growth_rates_are_changes(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The start-up raised $40 million from investors.", "$40 million"),
    ("Vessa Bio raised €12 million in a funding round led by Atomico.", "€12 million"),
])
def test_fundraising_is_a_level(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty,reference", [
    ("The offer is a 32% premium to Hallam's closing price.", "32%", "Hallam's closing price"),
    ("The shares were sold at a 5% discount to the market price.", "5%", "the market price"),
])
def test_a_premium_to_another_price_is_a_ratio(extractor, text, qty, reference):
    c = one(extractor.extract(text), qty)
    assert c.kind == "ratio" and c.reference.text == reference


@pytest.mark.parametrize("text,qty,expected", [
    ("Prices are expected to rise 3% next year before easing to 2% in 2027.", "2%", ("change", "decrease")),
    ("Sales jumped 9% in June and then fell to $4 million in July.", "$4 million", ("change", "decrease")),
])
def test_a_second_change_verb_is_no_stated_difference(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The plan aims to cut emissions 55% by 2030.", "55%", ("change", "decrease")),
    ("The airline hopes to grow revenue 20% next year.", "20%", ("change", "increase")),
])
def test_a_change_verb_across_its_object(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("By noon, the rupiah had weakened 1.1% against the dollar.", "1.1%", ("change", "decrease")),
    ("The yen strengthened 0.8% after the data.", "0.8%", ("change", "increase")),
])
def test_currency_moves_are_changes(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The East Midlands recorded growth of 0.5%.", "0.5%"),
    ("Every division posted online growth above 15%.", "above 15%"),
])
def test_growth_of_a_number_is_a_change(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("change", "increase")


@pytest.mark.parametrize("text,qty,expected", [
    ("The new figure is an upward revision of nearly $30 billion.", "nearly $30 billion", ("change", "increase")),
    ("The update makes a downward revision of 0.4 percentage points.", "0.4 percentage points", ("change", "decrease")),
])
def test_a_revision_states_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Mexico's GDP growth was 1.4% in 2024.", "1.4%"),
    ("The growth rate of cement sales reached 6.5%.", "6.5%"),
    ("Credit growth is expected to be 11% this year.", "11%"),
    ("Annual growth in rents came in at 8.2%.", "8.2%"),
])
def test_a_growth_rate_as_subject_is_a_change(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("change", "increase")


@pytest.mark.parametrize("text,qty", [
    ("Export growth slowed to 2.2% in October.", "2.2%"),
    ("Sales growth eased to 5% in the half.", "5%"),
])
def test_growth_that_slows_to_a_rate_is_still_an_increase(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("change", "increase")


@pytest.mark.parametrize("text,qty", [
    ("Consumer prices rose at an annual pace of 3.3%.", "3.3%"),
    ("Factory output grew at a 4% clip.", "4%"),
])
def test_a_change_verb_at_a_pace(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("change", "increase")


@pytest.mark.parametrize("text,qty,reference", [
    ("Rents in Dublin are 35% higher than in Belfast.", "35%", "in Belfast"),
    ("Wind power is now 45% cheaper than gas.", "45%", "gas"),
])
def test_a_difference_against_another_entity_is_a_ratio(extractor, text, qty, reference):
    c = one(extractor.extract(text), qty)
    assert c.kind == "ratio" and c.reference is not None and c.reference.text == reference


@pytest.mark.parametrize("text,qty", [
    ("The fund drew 412 bids from 230 companies.", "412"),
    ("The hospital treated 900 patients from 14 countries.", "900"),
])
def test_from_a_different_kind_of_count_is_no_start_point(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty", [
    ("Hydropower made up 62% of the country's electricity.", "62%"),
    ("Rent takes up 40% of a typical household's budget.", "40%"),
])
def test_made_up_of_is_a_share(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("level", None)


@pytest.mark.parametrize("text,qty,expected", [
    # a change verb with its particle and no share named after the figure: a change, not "made up"
    ("Factory hiring picked up 0.4% in May.", "0.4%", ("change", "increase")),
    ("Household spending picked up 1.1% in the third quarter.", "1.1%", ("change", "increase")),
    # with "of" after it the same verb takes a share
    ("The insurer picked up 12% of the motor market last year.", "12%", ("level", None)),
])
def test_picked_up_is_a_change_unless_a_share_follows(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Car sales posted a 6% year-on-year decline.", "6%", ("change", "decrease")),
    ("Orders showed a 9% annual increase.", "9%", ("change", "increase")),
    ("Retail prices were 2.5% up on a year ago.", "2.5%", ("change", "increase")),
    ("Shipments were 7% down year on year.", "7%", ("change", "decrease")),
    ("Shares of Brio Foods were off 3.4% at midday.", "3.4%", ("change", "decrease")),
    ("The economy contracted again, shrinking 0.4%.", "0.4%", ("change", "decrease")),
])
def test_more_ways_of_stating_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Lumen Air swung to a net loss of $90 million.", "$90 million", ("change", "decrease")),
    ("The retailer turned to a profit of €12 million.", "€12 million", ("change", "increase")),
])
def test_a_swing_to_a_loss_or_profit_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


def test_a_premium_of_is_a_ratio(extractor):
    c = one(extractor.extract("The bid is a premium of 40% over the last close."), "40%")
    assert c.kind == "ratio" and c.reference is not None and c.reference.text == "the last close"


@pytest.mark.parametrize("text,qty,expected", [
    ("This season's catch already exceeds the total for 2021 by 8%.", "8%", ("change", "increase")),
    ("Enrolment trailed the level of last year by 3%.", "3%", ("change", "decrease")),
])
def test_exceeding_an_earlier_value_by_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,reference", [
    ("Sales in Porto outpaced those in Braga by 20%.", "20%", "those in Braga"),
    ("Wind output exceeded coal generation by 14%.", "14%", "coal generation"),
])
def test_exceeding_another_entity_by_is_a_ratio(extractor, text, qty, reference):
    c = one(extractor.extract(text), qty)
    assert c.kind == "ratio" and c.reference is not None and c.reference.text == reference


@pytest.mark.parametrize("text,qty", [
    ("Rents in Lyon rose 4.2% on the year. Lille followed with 3.1%.", "3.1%"),
    ("Sales of new homes in Perth grew 6%. Brisbane was running at 4.5%.", "4.5%"),
])
def test_an_elliptical_percentage_continues_the_change_before(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("change", "increase")


def test_an_elliptical_percentage_after_a_level_stays_a_level(extractor):
    text = "The jobless rate in Lyon stood at 7.2%. Lille followed with 8.1%."
    assert kind_of(extractor, text, "8.1%") == ("level", None)


@pytest.mark.parametrize("text,qty", [
    ("Wind's share of generation climbed to a record 38.5%.", "38.5%"),
    ("Because imports fell by about 3%, the trade surplus widened to a record $21 billion.", "$21 billion"),
])
def test_a_record_end_point_and_a_difference_of_another_clause(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("change", "increase")


@pytest.mark.parametrize("text,qty,expected", [
    ("Wind output in Darsia inched up to 90 TWh from 85 TWh.", "90 TWh", ("change", "increase")),
    ("Exports from Pellow crept up to $41 billion.", "$41 billion", ("change", "increase")),
    ("Bond yields drifted down to 4.1%.", "4.1%", ("change", "decrease")),
    ("Inflation in Tarsk decelerated to 3.2%.", "3.2%", ("change", "decrease")),
    ("Egg prices spiked 30% in March.", "30%", ("change", "increase")),
])
def test_slow_and_sudden_change_verbs(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Rail traffic in Osberg was 8% above 2019 levels.", "8%", ("change", "increase")),
    ("Hotel stays were 10% below pre-pandemic 2019 levels.", "10%", ("change", "decrease")),
])
def test_a_difference_against_a_years_level_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Steel output at Harn was 2% below the previous year.", "2%", ("change", "decrease")),
    ("Orders at Pellam were 6% above the same month last year.", "6%", ("change", "increase")),
])
def test_above_or_below_an_earlier_period_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The Dovian economy grew 0.3% in the second quarter, after 0.6% in the first.", "0.6%", ("change", "increase")),
    ("Retail sales at Kemp rose 1.2% in May, following 0.8% in April.", "0.8%", ("change", "increase")),
])
def test_a_bare_percentage_after_after_a_change_in_its_sentence_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


def test_a_bare_percentage_after_after_a_level_stays_a_level(extractor):
    assert kind_of(extractor, "Inflation in Sarn was 2.9% in October, after 3.1% in September.", "3.1%") == ("level", None)


@pytest.mark.parametrize("text,qty,expected", [
    ("By 2050, demand for Korth's copper is forecast to be 40% above 2020.", "40%", ("change", "increase")),
    ("Traffic on the Ulm bridge was 7% below 2019.", "7%", ("change", "decrease")),
])
def test_above_or_below_a_year_is_a_change(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,direction", [
    ("Air traffic is still 7% below pre-pandemic levels.", "7%", "decrease"),
    ("Fertiliser prices remain 35% above peaks seen in 2022.", "35%", "increase"),
    ("Output is 4% below levels recorded in 2019.", "4%", "decrease"),
])
def test_a_figure_below_or_above_earlier_levels_is_a_change(extractor, text, qty, direction):
    c = one(extractor.extract(text), qty)
    assert (c.kind, c.change.direction) == ("change", direction)


@pytest.mark.parametrize("text,qty,expected", [
    # "back" alone between a change verb and its number, as "back to" already was
    ("Factory output fell back 2% in May.", "2%", ("change", "decrease")),
    ("Copper prices slipped back 1.5% last week.", "1.5%", ("change", "decrease")),
    ("Tourist arrivals bounced back 6% in June.", "6%", ("change", "increase")),
    # after a verb that is no change verb it stays a level
    ("The firm paid back $2 billion of debt.", "$2 billion", ("level", None)),
    # 'balloon' is a change verb
    ("Public debt ballooned by $40 billion in 2024.", "$40 billion", ("change", "increase")),
])
def test_back_between_a_change_verb_and_its_number(extractor, text, qty, expected):
    assert kind_of(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    # money raised at a rate ("$2 billion a year") is a level, as money raised is
    ("The new levy would raise $2 billion a year.", "$2 billion a year"),
    ("The carbon tax will raise £500 million a year from 2027.", "£500 million"),
])
def test_money_raised_at_a_rate_is_a_level(extractor, text, qty):
    assert kind_of(extractor, text, qty) == ("level", None)
