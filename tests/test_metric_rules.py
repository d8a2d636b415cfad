"""Metric rules and metric-only candidate features added for issue 11, each on two made-up
sentences of its kind (parsed by the pinned model)."""

from __future__ import annotations

from tests.conftest import one


def _metric_features(extractor, text, quantity):
    """{candidate text: features} of the metric decision on ``quantity``."""
    from claimx.assembly import ranker

    ranker.RECORDER = []
    try:
        extractor.extract(text)
        ds = [d for d in ranker.RECORDER if d["slot"] == "metric" and d["quantity"].get("text") == quantity]
    finally:
        ranker.RECORDER = None
    assert ds, f"no metric decision on {quantity!r}"
    return {m["text"]: f for m, f in ds[0]["candidates"] if not m.get("inferred")}


# where a candidate's clause lies from the quantity's: the same, under it ("..., when output had
# fallen"), above it, or beside it ("as shipments fell" seen from "while imports dropped 2%")
def test_a_when_clause_under_the_quantitys_verb_is_inner_and_its_verb_outer(extractor):
    text = "Unit costs climbed to $41 a barrel in May, when output had fallen to 8,200 barrels a day."
    feats = _metric_features(extractor, text, "$41 a barrel")
    assert feats["Unit costs"].get("m_vclause=same") == 1.0 and feats["output"].get("m_vclause=inner") == 1.0
    assert _metric_features(extractor, text, "8,200 barrels a day")["Unit costs"].get("m_vclause=outer") == 1.0


def test_a_clause_beside_the_quantitys_is_other(extractor):
    feats = _metric_features(extractor, "Exports rose 4% in March as shipments of steel fell, while imports "
                                        "dropped 2%.", "2%")
    assert feats["imports"].get("m_vclause=same") == 1.0
    assert feats["shipments of steel"].get("m_vclause=other") == 1.0


def test_a_saying_clause_under_the_quantitys_verb_is_inner(extractor):
    feats = _metric_features(extractor, "Halden Foods lifted its net profit forecast to 610 million euros, "
                                        "saying that stronger export volumes offset higher costs.",
                             "610 million euros")
    assert feats["net profit forecast"].get("m_vclause=same") == 1.0
    assert feats["stronger export volumes"].get("m_vclause=inner") == 1.0


# "Q1, or Q2": the second restates the first in another unit, so it measures the same thing
def test_a_share_after_or_restates_a_count_of_jobs(extractor):
    c = one(extractor.extract("The board approved a cut of 400 jobs, or roughly 3%, at its two plants."), "roughly 3%")
    assert c.metric is not None and c.metric.text == "jobs"


def test_a_share_after_or_restates_a_count_of_hires(extractor):
    c = one(extractor.extract("The plant will hire 350 technicians, or about 12%, next year."), "about 12%")
    assert c.metric is not None and c.metric.text == "technicians"


def test_an_average_each_is_no_restatement_of_the_total(extractor):
    claims = extractor.extract("Shoppers aged 35 to 49 are set to spend an average of 960 dollars each, "
                               "or 4.1 billion dollars in total.")
    assert one(claims, "4.1 billion dollars").metric.text != "average"


# "Q1, a Q2 <change noun>": the change is of the level before it
def test_a_rise_in_apposition_is_a_change_of_the_rents(extractor):
    c = one(extractor.extract("Average rents reached 1,240 euros a month, a 9% rise on the previous year."), "9%")
    assert c.metric is not None and c.metric.text == "Average rents"


def test_an_increase_in_apposition_is_a_change_of_the_incidence(extractor):
    c = one(extractor.extract("Cumulative incidence reached 88 cases per 100,000 people, a 140% increase on the "
                              "same period of 2021."), "140%")
    assert c.metric is not None and c.metric.text == "Cumulative incidence"


# "..., while that of <group> ...": the measure of the claim before it, for another group
def test_that_of_retail_parks_is_the_vacancy_rate(extractor):
    claims = extractor.extract("The vacancy rate of office towers rose to 14%, and that of retail parks fell to 6%.")
    assert one(claims, "6%").metric.text == "vacancy rate"


def test_those_of_doctors_are_wages(extractor):
    claims = extractor.extract("Wages of nurses rose 4% last year, whereas those of doctors climbed 7%.")
    assert one(claims, "7%").metric.text == "Wages"


def test_that_of_young_women_is_the_jobless_rate_though_parsed_as_a_clause(extractor):
    claims = extractor.extract("The jobless rate among young men dropped 2.1 percentage points to 10.2%, "
                               "while that of young women held at 9.3%.")
    assert one(claims, "9.3%").metric.text == "jobless rate"


# a count noun at a change's end point or amount names only its unit when the change moves a
# measure ("deliveries", "sales forecast"); a thing that grows keeps its count noun
def test_deliveries_fall_to_a_count_of_machines(extractor):
    c = one(extractor.extract("Tractor deliveries fell 8% to 31,000 machines in 2024."), "31,000")
    assert c.metric is not None and c.metric.text == "Tractor deliveries"


def test_a_sales_forecast_raised_by_a_count_of_units(extractor):
    c = one(extractor.extract("The company raised its full-year sales forecast by 100,000 units to 10.5 million "
                              "vehicles."), "100,000")
    assert c.metric is not None and c.metric.text == "full-year sales forecast"


def test_a_fleet_that_grows_keeps_its_count_noun(extractor):
    c = one(extractor.extract("The fleet grew to 3,100 buses."), "3,100")
    assert c.metric is not None and c.metric.text == "buses"


# bracketed breakdown items take the metric of the total they add up to
def test_bracketed_job_gains_take_the_jobs_of_the_total(extractor):
    claims = extractor.extract("The region created 58,000 jobs last year. Tourism (+21,000), logistics (+14,000) "
                               "and care homes (+9,000) led the gains.")
    for q in ("+21,000", "+14,000", "+9,000"):
        assert one(claims, q).metric.text == "jobs"


def test_bracketed_tonnages_take_the_exports_of_the_total(extractor):
    claims = extractor.extract("Grain exports totalled 12,000 tonnes in May, and a further 500 tonnes left by rail. "
                               "Wheat (6,000 tonnes) and barley (4,000 tonnes) made up most of it.")
    for q in ("6,000 tonnes", "4,000 tonnes"):
        assert one(claims, q).metric.text == "Grain exports"


# things coordinated as the subject of a change ("memory and logic ... growing 21.5% and 14.2%")
# are no measure: the article's measure topic is; measures coordinated keep their own
def test_coordinated_chip_categories_take_the_articles_sales(extractor):
    claims = extractor.extract("Global chip sales will rise 12% this year, with sales in every region growing. "
                               "Memory and logic are expected to remain the strongest categories, growing 21.5% "
                               "and 14.2% respectively.")
    assert one(claims, "21.5%").metric.text == "sales"
    assert one(claims, "14.2%").metric.text == "sales"


def test_coordinated_metals_take_the_articles_exports(extractor):
    claims = extractor.extract("Metal exports slowed in 2024 as exports to Asia fell. Steel and aluminium declined "
                               "6% and 4% respectively.")
    assert one(claims, "6%").metric.text == "exports"


def test_coordinated_measures_keep_their_own_metric(extractor):
    claims = extractor.extract("Sales grew in every quarter, and sales abroad doubled. Revenue and profit rose 5% "
                               "and 3% respectively.")
    assert one(claims, "5%").metric.text == "Revenue"


# "Q1 more/fewer than the Q2 <noun>": the difference counts what the base counts
def test_a_difference_from_a_count_of_visitors_counts_visitors(extractor):
    claims = extractor.extract("The museum drew 40,000 more than the 310,000 visitors it counted in 2022.")
    assert one(claims, "40,000").metric.text == "visitors"


def test_a_difference_from_a_count_of_patients_counts_patients(extractor):
    claims = extractor.extract("Clinics saw 1,200 fewer than the 9,800 patients treated a year earlier.")
    assert one(claims, "1,200").metric.text == "patients"


# "for"/"among" a group of people: the group is who is measured, not part of the measure
def test_a_rate_for_older_workers_is_the_participation_rate(extractor):
    c = one(extractor.extract("The participation rate for older workers edged up to 38.5% in May."), "38.5%")
    assert c.metric.text == "participation rate" and c.entity.text == "older workers"


def test_a_rate_for_young_women_is_the_jobless_rate(extractor):
    c = one(extractor.extract("The jobless rate for young women rose to 9.1% in March."), "9.1%")
    assert c.metric.text == "jobless rate"


def test_a_rate_among_children_is_the_vaccination_rate(extractor):
    c = one(extractor.extract("The vaccination rate among children climbed to 84% by June."), "84%")
    assert c.metric.text == "vaccination rate"


# "nine of the 13 regions": the part counts the whole's noun; the whole's own number is its size
def test_a_part_of_a_counted_group_of_districts_counts_districts(extractor):
    c = one(extractor.extract("Seven of the 12 districts reported lower rents in March."), "Seven")
    assert c.metric is not None and c.metric.text == "districts"


def test_a_part_of_a_counted_group_of_hospitals_counts_hospitals(extractor):
    c = one(extractor.extract("In the survey, 41 of the 60 hospitals had vacancies."), "41")
    assert c.metric is not None and c.metric.text == "hospitals"


# "the record 88,668 ounces that the mine produced": the relative clause's verb names the measure
def test_tonnes_a_smelter_shipped_are_measured_by_the_verb(extractor):
    c = one(extractor.extract("The figure is well below the 1.2 million tonnes that the smelter shipped in 2019."),
            "1.2 million tonnes")
    assert c.metric is not None and c.metric.text == "shipped"


def test_barrels_a_refinery_processed_are_measured_by_the_verb(extractor):
    c = one(extractor.extract("Throughput fell short of the 310,000 barrels a day the refinery processed in 2022."),
            "310,000 barrels a day")
    assert c.metric is not None and c.metric.text == "processed"


def test_an_amount_economists_pencilled_in_is_not_measured_by_the_verb(extractor):
    c = one(extractor.extract("Consumer prices are projected to rise 5.1% in 2025, down from the 5.7% the OECD "
                              "had pencilled in earlier."), "5.7%")
    assert c.metric is not None and c.metric.text == "Consumer prices"


# the base a figure is compared with ("12% below the level of a year earlier") is marked m_base
def test_the_level_below_which_a_share_lies_is_the_comparison_base(extractor):
    f = _metric_features(extractor, "Car registrations slipped to 91,000 in May, some 12% below the level of a "
                                    "year earlier.", "some 12%")
    assert f["level of a year earlier"].get("m_base=1") == 1.0
    assert "m_base=1" not in f["Car registrations"]


def test_the_figure_a_share_exceeds_is_the_comparison_base(extractor):
    f = _metric_features(extractor, "Exports reached $4 billion, 8% more than the figure for 2023.", "8%")
    assert f["figure"].get("m_base=1") == 1.0
    assert "m_base=1" not in f["Exports"]


# "handled 9,300 containers in March, 4% more than in February": the change counts the same noun
def test_a_percent_more_than_a_month_before_counts_containers(extractor):
    c = one(extractor.extract("The port handled 9,300 containers in March, 4% more than in February."), "4%")
    assert c.metric is not None and c.metric.text == "containers"


def test_a_percent_more_than_a_month_before_counts_books(extractor):
    c = one(extractor.extract("The library lent 3,800 books in July, 12% more than in June."), "12%")
    assert c.metric is not None and c.metric.text == "books"


def _rule_pick(extractor, text, quantity):
    """The rule chooser's metric (the candidate with ``src=rule``) of the decision on ``quantity``."""
    feats = _metric_features(extractor, text, quantity)
    return next((t for t, f in feats.items() if f.get("src=rule")), None)


# a relative pronoun subject stands for the noun the clause hangs from ("on capacity that grew by 38%")
def test_a_relative_pronoun_subject_gives_the_antecedent_as_metric(extractor):
    text = "Norlink Air carried 1.2 million passengers in June, 15% more than a year earlier, on seat capacity that rose by 9%."
    assert _rule_pick(extractor, text, "9%") == "seat capacity"
    assert one(extractor.extract(text), "9%").metric.text == "seat capacity"


def test_a_which_clause_subject_gives_the_antecedent_as_metric(extractor):
    text = "Velda Rail moved 40,000 tonnes of freight in May, while its operating revenue, which climbed 11%, set a record."
    assert _rule_pick(extractor, text, "11%") == "operating revenue"
    assert one(extractor.extract(text), "11%").metric.text == "operating revenue"


# a noun phrase cut at the quantity keeps no preposition whose object the quantity was
def test_the_phrase_before_a_cut_quantity_drops_its_dangling_preposition(extractor):
    c = one(extractor.extract("Prices fell 1.2% in April, taking the average cost of a flat to £198,400."), "£198,400")
    assert c.metric.text == "average cost of a flat"


def test_the_ticket_price_phrase_before_a_cut_quantity_drops_to(extractor):
    c = one(extractor.extract("Fares fell 3% in May, cutting the average price of a ticket to €41."), "€41")
    assert c.metric.text == "average price of a ticket"
