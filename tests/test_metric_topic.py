"""The article's measure topic as the metric of a figure whose sentence names only the thing that
changes (claimx.assembly.metric_topic), on made-up articles."""

from __future__ import annotations

from claimx.assembly.metric_topic import article_measure
from tests.conftest import one


def test_the_headline_measure_noun_is_the_article_measure():
    text = ("Bicycle sales climb for a third year\n\nSales of bicycles rose again in 2025. "
            "Dealers said sales were strongest in spring, and exports were flat.")
    m = article_measure(text)
    assert m is not None and m["text"] == "sales" and m["headline"] and m["count"] == 3


def test_no_measure_noun_said_twice_is_no_topic():
    assert article_measure("A quiet week\n\nThe council met on Tuesday and the exports office closed.") is None


def test_plural_things_that_grow_take_the_headline_measure(extractor):
    text = ("Toy sales set for a record year\n\nToy sales in Norway are forecast to reach NOK 9 billion. "
            "Board games are expected to grow 12.5% in 2026, while dolls could rise 3.1%.")
    claims = extractor.extract(text)
    c = one(claims, "12.5%")
    assert c.metric is not None and c.metric.text == "sales"
    assert c.metric.start_char is None


def test_a_named_product_line_that_expanded_takes_the_headline_measure(extractor):
    text = ("Coffee exports hit a record as prices soar\n\nEthiopia's coffee exports reached $1.8 billion "
            "in the year to June. Sidamo beans expanded 14% over the same period.")
    claims = extractor.extract(text)
    c = one(claims, "14%")
    assert c.metric is not None and c.metric.text == "exports"


def test_a_measure_subject_keeps_its_own_metric(extractor):
    text = ("Toy sales set for a record year\n\nToy sales in Norway are forecast to reach NOK 9 billion. "
            "Online revenue is expected to grow 8.5% in 2026.")
    c = one(extractor.extract(text), "8.5%")
    assert c.metric is not None and c.metric.text == "Online revenue"


def test_a_count_keeps_the_noun_it_counts(extractor):
    text = ("Toy sales set for a record year\n\nToy sales in Norway are forecast to reach NOK 9 billion. "
            "Stores added 1,200 workers in 2025.")
    c = one(extractor.extract(text), "1,200")
    assert c.metric is not None and c.metric.text == "workers"


# "X averaged Q": the verb names the statistic of a thing
def test_cells_averaged_takes_the_verb(extractor):
    c = one(extractor.extract("In 2025, sodium-ion cells averaged 160 Wh/kg in the survey."), "160 Wh/kg")
    assert c.metric is not None and c.metric.text == "averaged"
    assert c.entity is not None and "sodium-ion cells" in c.entity.text


def test_flights_averaged_takes_the_verb(extractor):
    c = one(extractor.extract("Domestic flights at the airport averaged 94 minutes of delay last winter."), "94 minutes")
    assert c.metric is not None and c.metric.text == "averaged"


def test_a_measure_that_averages_stays_the_metric(extractor):
    c = one(extractor.extract("Core inflation is projected to average 3.1% next year."), "3.1%")
    assert c.metric is not None and c.metric.text == "Core inflation"


def test_the_topic_need_not_be_in_the_headline(extractor):
    text = ("A strong year for Danish ports\n\nContainer traffic through Aarhus rose to 1.1 million TEU, "
            "and traffic at the smaller ports grew too. Reefer boxes climbed 6.4% in 2025.")
    c = one(extractor.extract(text), "6.4%")
    assert c.metric is not None and c.metric.text == "traffic"


# a name chosen as the metric gives way to the article's measure topic
def test_a_region_named_with_its_figure_takes_the_topic(extractor):
    text = ("Rent prices keep rising\n\nRent prices rose 4.2% across the country in the year to March. Prices "
            "in the capital led the table, and the Outer Hebrides came last at 0.9%.")
    c = one(extractor.extract(text), "0.9%")
    assert c.metric is not None and c.metric.text == "prices"
    assert c.entity is not None and "Outer Hebrides" in c.entity.text


def test_a_country_ranked_with_its_figure_takes_the_topic(extractor):
    text = ("Wheat exports hit a record\n\nUkraine's wheat exports reached 18 million tonnes in the season, "
            "and exports by sea grew strongly. Romania ranked third, at 6.1%.")
    c = one(extractor.extract(text), "6.1%")
    assert c.metric is not None and c.metric.text == "exports"
    assert c.entity is not None and c.entity.text == "Romania"


# a bracketed breakdown ("Retail trade (+122,000), construction (+110,000) ...") takes the metric
# of the total its items add up to (claimx.assembly.metric_breakdown): the nearest earlier claim of
# the same unit at least the items' sum, set after the learned chooser, which carries its own pick
def test_bracketed_ports_take_the_total_metric(extractor):
    text = ("The port handled 2.4 million containers in 2025, up from 2.1 million. Shanghai (820,000), "
            "Busan (610,000) and Ningbo (400,000) sent the most.")
    claims = extractor.extract(text)
    for q in ("820,000", "610,000", "400,000"):
        assert one(claims, q).metric.text == "containers"


# an empty verb ("continued", "became") is never the metric: the subject it hangs from is
def test_a_share_that_continued_to_climb_keeps_the_share(extractor):
    claims = extractor.extract("The share of households with a heat pump continued to climb, up 2.1 points to 14.6%.")
    c = one(claims, "14.6%")
    assert c.metric is not None and c.metric.text == "share of households with a heat pump"


def test_a_rate_that_continued_to_fall_keeps_the_rate(extractor):
    c = one(extractor.extract("The vacancy rate continued to fall, down 0.4 points to 3.2%."), "3.2%")
    assert c.metric is not None and c.metric.text == "vacancy rate"


# an adjective complement the quantity hangs from measures it ("short of", "worth")
def test_a_budget_short_of_a_sum_takes_short_of(extractor):
    text = "The three hospitals could be short of between $1 billion and $2 billion by 2030."
    c = one(extractor.extract(text), "between $1 billion and $2 billion")
    assert c.metric is not None and c.metric.text == "short of"
    assert c.quantity.lower == 1e9 and c.quantity.upper == 2e9


def test_a_house_worth_a_sum_takes_worth(extractor):
    c = one(extractor.extract("The average detached house in Leeds is now worth £412,000."), "£412,000")
    assert c.metric is not None and c.metric.text == "worth"


def test_a_measure_that_is_worth_a_sum_stays_the_metric(extractor):
    c = one(extractor.extract("Kenya's tea exports were worth $1.4 billion in 2025."), "$1.4 billion")
    assert c.metric is not None and c.metric.text == "tea exports"


# "slip", "plummet", "rally": change verbs of market reports, so a thing that slips takes the topic too
def test_plural_things_that_slip_take_the_headline_measure(extractor):
    text = ("Toy sales set for a record year\n\nToy sales in Norway are forecast to reach NOK 9 billion. "
            "Jigsaw puzzles are expected to slip 2.4% in 2026.")
    c = one(extractor.extract(text), "2.4%")
    assert c.metric is not None and c.metric.text == "sales" and c.kind == "change"


def test_plural_things_that_plummeted_take_the_headline_measure(extractor):
    text = ("Coffee exports hit a record as prices soar\n\nEthiopia's coffee exports reached $1.8 billion "
            "in the year to June. Roasted beans plummeted 9% over the same period.")
    c = one(extractor.extract(text), "9%")
    assert c.metric is not None and c.metric.text == "exports" and c.change.direction == "decrease"


# "8 GW of onshore wind turbines were approved": the quantity is a passive verb's subject and its
# "of" phrase names a thing, so the action is what is measured (docs/GOLD.md dev conventions)
def test_things_that_were_installed_take_the_passive_verb(extractor):
    c = one(extractor.extract("Around 3.1 gigawatts of rooftop solar panels were installed in 2024."), "Around 3.1 gigawatts")
    assert c.metric is not None and c.metric.text == "installed"


def test_grain_that_was_exported_takes_the_passive_verb(extractor):
    c = one(extractor.extract("Some 2.1 million tonnes of grain were exported from the port last year."),
            "Some 2.1 million tonnes")
    assert c.metric is not None and c.metric.text == "exported"


def test_a_measure_word_after_of_keeps_its_own_metric_under_a_passive_verb(extractor):
    c = one(extractor.extract("About 12 GW of capacity were added in 2023."), "About 12 GW")
    assert c.metric is not None and c.metric.text == "capacity"
