"""A thing's change in a clause under a measure's change is measured by that measure, named in the
sentence, not by the article's measure topic (issue 11; made-up sentences, pinned model)."""

from __future__ import annotations

from tests.conftest import one

# the articles' measure topic is "sales"; the sentence names its own measure


def test_households_increasing_under_spending_growth_measure_spending(extractor):
    text = ("Sales of coffee rose, and sales will rise.\nOver the period, consumer spending is projected to "
            "grow by an average of 1.9% a year, with older households increasing at 2.8% annually.")
    c = one(extractor.extract(text), "2.8%")
    assert c.metric is not None and c.metric.text == "consumer spending"


def test_regions_increasing_under_investment_growth_measure_investment(extractor):
    text = ("Sales of bread fell, and sales may fall again.\nThrough 2030, public investment is forecast to "
            "grow by 2.5% a year, with coastal regions increasing at 3.9% annually.")
    c = one(extractor.extract(text), "3.9%")
    assert c.metric is not None and c.metric.text == "public investment"


def test_producers_growing_under_export_growth_measure_exports(extractor):
    text = ("Sales of wine rose, and sales will rise.\nThis year, food exports are expected to rise 4%, with "
            "dairy producers growing at 6.5%.")
    c = one(extractor.extract(text), "6.5%")
    assert c.metric is not None and c.metric.text == "food exports"


def test_a_thing_without_a_measure_in_the_sentence_keeps_the_topic(extractor):
    text = "Chip sales rose 8% last year, and sales will rise again.\nSensors are expected to grow 3.1% this year."
    c = one(extractor.extract(text), "3.1%")
    assert c.metric is not None and c.metric.text == "sales"
