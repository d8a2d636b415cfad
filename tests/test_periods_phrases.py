"""Period phrases of claimx/assembly/passes/periods.py beyond the TIMEX grammar and the
"respectively" pairing of claimx/assembly/slots/timeframe_lists.py: each behaviour on two sentences
written for it."""

from __future__ import annotations

import pytest

from tests.conftest import one

REF = "2025-11-20"


def tf(extractor, text, qty, ref=REF):
    c = one(extractor.extract(text, reference_date=ref), qty)
    return (c.timeframe.value, c.timeframe.relation) if c.timeframe else None


@pytest.mark.parametrize("text,qty,expected", [
    ("Freight volumes at Kessel Port rose 14% over the five years to 2024.", "14%", ("2019/2024", "between")),
    ("In the decade to 2020, Marovia's forest cover shrank 6%.", "6%", ("2010/2020", "between")),
    ("Wage growth averaged 2.1% a year in the three years to 2023.", "2.1%", ("2020/2023", "between")),
])
def test_n_years_to_a_year_is_a_span_ending_there(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Power demand in Ostland will rise 3% over 2026 as a whole.", "3%", ("2026", "in")),
    ("Copper prices climbed 11% across 2024, while nickel slid.", "11%", ("2024", "in")),
])
def test_over_a_year_is_that_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Between now and 2030, Velmar must add 25 GW of wind capacity.", "25 GW", ("XXXX/2030", "between")),
    ("The agency will spend $4 billion from now until 2028.", "$4 billion", ("XXXX/2028", "between")),
])
def test_between_now_and_a_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("September sales of heat pumps rose 21%.", "21%", ("XXXX-09", "in")),
    ("Its October exports fell 3.5% from a year earlier.", "3.5%", ("XXXX-10", "in")),
])
def test_a_month_before_a_noun_dates_the_claim(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("The IMF's April outlook put Brenland's growth at 3.1%.", "3.1%"),
    ("The bank's June survey showed 42% of firms raising prices.", "42%"),
])
def test_a_month_naming_a_report_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Tourist arrivals in Korvo rose 11% this summer.", "11%", ("XXXX-SU", "in")),
    ("Gas demand for heating fell 7% last winter.", "7%", ("XXXX-WI", "in")),
])
def test_a_season_without_a_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Oil demand may peak at 105 million barrels a day around 2030.", "105 million barrels a day", ("2030", "in")),
    ("The town's population will reach 90,000 about 2040, planners say.", "90,000", ("2040", "in")),
])
def test_around_a_year_is_that_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Marlin Foods' revenue grew 12% in the year, helped by exports.", "12%", ("XXXX", "in")),
    ("During the year, Tolsen Bank opened 40 branches.", "40", ("XXXX", "in")),
])
def test_the_year_without_a_year_named_before_is_xxxx(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qtys,expected", [
    ("Sales at Dunmore were $3 million and $4 million in 2023 and 2024, respectively.",
     ("$3 million", "$4 million"), ("2023", "2024")),
    ("In 2022 and 2023, the port of Alvik handled 4 million and 4.6 million containers, respectively.",
     ("4 million", "4.6 million"), ("2022", "2023")),
    ("Profit was $1.2 billion, $1.5 billion and $1.9 billion in 2021, 2022 and 2023, respectively.",
     ("$1.2 billion", "$1.5 billion", "$1.9 billion"), ("2021", "2022", "2023")),
])
def test_respectively_pairs_figures_with_time_phrases(extractor, text, qtys, expected):
    claims = extractor.extract(text, reference_date=REF)
    assert tuple(one(claims, q).timeframe.value for q in qtys) == expected


def test_respectively_over_entities_keeps_the_shared_period(extractor):
    claims = extractor.extract("Spain and Portugal grew 3% and 4%, respectively, in 2024.", reference_date=REF)
    assert [one(claims, q).timeframe.value for q in ("3%", "4%")] == ["2024", "2024"]


@pytest.mark.parametrize("text,qtys,expected", [
    ("Real GDP growth for 2025-26 is projected at 6.5%, with Q1 at 6.9%, Q2 at 6.3%, Q3 at 6.5% and Q4 at 6.2%.",
     ("6.9%", "6.3%", "6.2%"), ("FY2026-Q1", "FY2026-Q2", "FY2026-Q4")),
    ("For 2026-27, the bank sees inflation at 4.1%, with Q2 at 3.8% and Q3 at 4.4%.",
     ("4.1%", "3.8%", "4.4%"), ("FY2027", "FY2027-Q2", "FY2027-Q3")),
])
def test_quarters_labelling_figures_of_a_fiscal_year(extractor, text, qtys, expected):
    claims = extractor.extract(text, reference_date=REF)
    assert tuple(one(claims, q).timeframe.value for q in qtys) == expected


@pytest.mark.parametrize("text,qtys,expected", [
    ("Output fell in three quarters: Q1 at 2.1%, Q2 at 1.4% and Q3 at 0.9%.", ("2.1%", "1.4%"), ("2025-Q1", "2025-Q2")),
    ("Brookfield Rail's traffic growth was uneven, with 2023 at 4%, 2024 at 1% and 2025 at 6%.", ("4%", "1%"), ("2023", "2024")),
])
def test_a_time_phrase_before_at_labels_the_next_figure(extractor, text, qtys, expected):
    claims = extractor.extract(text, reference_date=REF)
    assert tuple(one(claims, q).timeframe.value for q in qtys) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Nakaya Motors expects operating profit of 3.2 trillion yen for the fiscal year ending in March.",
     "3.2 trillion yen", ("FYXXXX", "in")),
    ("Revenue at Quill Media for the financial year to June 30 rose 4%.", "4%", ("FYXXXX", "in")),
    ("Hoshino raised its net profit forecast for the year through March 2026 to 1.05 trillion yen.",
     "1.05 trillion yen", ("FY2026", "in")),
])
def test_a_fiscal_year_named_by_its_end_month(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Pretax profit at the Dunmore grocer fell 12% to £310 million in the year to February.", "12%", ("FYXXXX", "in")),
    ("Kelso Mining's net income climbed 5% to A$1.4 billion in the year ended June 30.", "A$1.4 billion", ("FYXXXX", "in")),
    ("Revenue at Pellaro rose 6% in the year to December, the company said.", "6%", ("XXXX", "in")),
    ("Brenlow's turnover grew 9% to £2.3 billion in the year to September 2025.", "9%", ("FY2025", "in")),
])
def test_a_yearless_year_to_a_month_in_company_results_is_a_fiscal_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Consumer prices in Varnia rose 3.1% in the year to August.", "3.1%", ("2024-09/2025-08", "between")),
    ("House prices rose 4% in the year to June.", "4%", ("2024-07/2025-06", "between")),
    ("Rents in Carrow rose 6.2% in the year to April 2025.", "6.2%", ("2024-05/2025-04", "between")),
])
def test_a_year_to_a_month_outside_company_results_stays_a_twelve_month_span(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The unemployment rate held at 6.9% in October, Statistics Canada said.", "6.9%", ("2025-10", "in")),
    ("The jobless rate in Ardenne stood at 5.2% in 2024, the national statistics office said.", "5.2%", ("2024", "in")),
])
def test_a_period_before_the_reporting_clause_dates_the_claim(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("For 2025-26 the bank projects 6.8%, and 7.0% in the first quarter of 2026-27 and 6.9% in the second quarter.",
     "6.9%", ("FY2027-Q2", "in")),
    ("Tarn Power's output rose 4% in fiscal 2025, with 9% in the first quarter of fiscal 2026 and 3% in the second quarter.",
     "3%", ("FY2026-Q2", "in")),
])
def test_a_yearless_quarter_takes_the_latest_fiscal_year_named(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Exports from Ruvia fell 4% in 2023. The following year they recovered 6%, and in 2025 they are forecast to rise 2%.",
     "6%", ("2024", "in")),
    ("Sales at Pindar rose 7% in October. A year earlier, they had fallen 3%, and in November they rose 1%.",
     "3%", ("2024-10", "in")),
])
def test_a_relative_period_counts_from_the_period_named_before_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Harcourt Mining produced 210,000 ounces in the September quarter, up 5% on the June quarter.", "5%", ("XXXX-Q3", "in")),
    ("Gold sales at Ulla Creek reached 48,000 ounces in the December quarter, down 2% on the September quarter.",
     "2%", ("XXXX-Q4", "in")),
])
def test_a_month_named_quarter_after_on_is_the_comparison_base(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Retail sales in Noravia rose 3.2% from a year earlier in October.", "3.2%", ("2025-10", "in")),
    ("Factory output at Ludo fell 1.1% compared with a year earlier in August.", "1.1%", ("2025-08", "in")),
    ("Car sales jumped 12% from the previous month in July.", "12%", ("2025-07", "in")),
])
def test_a_period_after_a_relative_comparison_base_dates_the_claim(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Tourist receipts were 43% higher than in 2019, the last year before the pandemic.", "43%"),
    ("Bookings at Fenby were 12% higher than in 2018, the year before the strike.", "12%"),
])
def test_an_appositive_of_the_comparison_base_is_no_timeframe(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("Sales at Wexley rose 5% in the quarter. Margins in the third quarter of 2025 were 12%.", "5%", ("2025-Q3", "in")),
    ("In the half, Orrin Bank's lending grew 4%. Its first half of 2024 also brought 300 new branches.", "4%", ("2024-H1", "in")),
])
def test_the_quarter_before_the_text_names_it_takes_the_one_named_later(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In October the jobless rate in Galt rose to 6.9% while the participation rate fell to 65.1%.", "65.1%", ("2025-10", "in")),
    ("In 2024 Farrow's exports rose 5% whereas its imports fell 2%.", "2%", ("2024", "in")),
])
def test_a_sentence_opening_period_without_a_comma_scopes_over_a_while_clause(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty", [
    ("Exports from Kelm were up 15% on 2019.", "15%"),
    ("Rail traffic in Osberg was 8% above 2019 levels.", "8%"),
    ("Hotel stays were 10% below pre-pandemic 2019 levels.", "10%"),
    ("The Harlan index is up 12% over 2024.", "12%"),
])
def test_a_year_after_on_or_before_levels_dates_the_comparison_base(extractor, text, qty):
    assert tf(extractor, text, qty) is None


def test_a_deadline_before_levels_stays_the_claims(extractor):
    assert tf(extractor, "Velmar will return to 2019 levels of 40 million visitors by 2027.", "40 million") == ("2027", "by")


@pytest.mark.parametrize("text,qty,expected", [
    ("Power prices in Lusk have risen 30% since the invasion of Ukraine in February 2022.", "30%", ("2022-02", "since")),
    ("Rents in Varno have climbed 18% since the end of the pandemic in 2022.", "18%", ("2022", "since")),
])
def test_since_an_event_in_a_date_is_a_span_since_it(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


def test_a_record_since_an_event_is_no_timeframe(extractor):
    assert tf(extractor, "Joblessness in Pell hit 6%, the highest since the financial crisis in 2009.", "6%") is None


@pytest.mark.parametrize("text,qty", [
    ("Tourist arrivals in Sollen reached 90% of 2019's level.", "90%"),
    ("Freight at Kerry Port recovered to 96% of 2018's levels.", "96%"),
])
def test_a_possessive_years_level_dates_the_comparison_base(extractor, text, qty):
    assert tf(extractor, text, qty) is None


@pytest.mark.parametrize("text,qty,expected", [
    ("The Orsk plant will produce 2 million tonnes a year from 2027.", "2 million tonnes", ("2027", "since")),
    ("Bellmont's carbon levy will rise to 12% from 2026.", "12%", ("2026", "since")),
])
def test_from_a_year_after_an_end_point_or_a_rate_is_since(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Investment in Marle doubled to $2 trillion in 2024 from 2019.", "$2 trillion", ("2024", "in")),
    ("Sales at Ravel are up 5% from 2024.", "5%", None),
])
def test_from_a_year_after_a_dated_end_point_or_a_change_stays_a_base(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The Dovian economy grew 0.3% in the second quarter of 2025, after 0.6% in the first.", "0.6%", ("2025-Q1", "in")),
    ("Revenue at Quell fell 2% in the first half of fiscal 2025 and rose 5% in the second.", "5%", ("FY2025-H2", "in")),
])
def test_a_bare_ordinal_after_a_named_quarter_is_that_years_part(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


def test_a_bare_ordinal_without_a_period_before_is_no_timeframe(extractor):
    assert tf(extractor, "In the first place, costs at Yarrow rose 4%.", "4%") is None


@pytest.mark.parametrize("text,qty,expected", [
    ("By 2050, demand for Korth's copper is forecast to be 40% above 2020.", "40%", ("2050", "by")),
    ("Compared with 2019, emissions in Tavel in 2024 were 6% lower.", "6%", ("2024", "in")),
])
def test_a_year_after_above_or_a_fronted_compared_with_is_the_base(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("In the third quarter of 2025, Brill Foods' sales rose 4%. Profit jumped 20% in the most recent quarter.", "20%", ("2025-Q3", "in")),
    ("In the September quarter, Kerr Gold produced 50,000 ounces. In the latest quarter, costs fell 3%.", "3%", ("XXXX-Q3", "in")),
])
def test_the_latest_quarter_is_the_reporting_quarter(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("value,step,expected", [
    ("2025-Q1", -1, "2024-Q4"),
    ("XXXX-H1", -1, "XXXX-H2"),
    ("2024-12", 1, "2025-01"),
    ("FY2026-Q3", -1, "FY2026-Q2"),
    ("2025", -1, None),
])
def test_step_part_moves_by_whole_parts_across_the_year(value, step, expected):
    from claimx.assembly.passes.period_rules import step_part

    assert step_part(value, step) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Household gas use fell 9% in the winter of 2024-25.", "9%", ("2024-WI", "in")),
    ("Ski resorts sold 12% more passes in winter 2022/23.", "12%", ("2022-WI", "in")),
])
def test_a_season_with_a_split_year_is_that_season_not_a_fiscal_year(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("The levy raises $1.4 billion in the fiscal year beginning April 2026.", "$1.4 billion", ("FY2027", "in")),
    ("The financial year starting 1 July 2025 brings a 3% pay rise.", "3%", ("FY2026", "in")),
    ("In the fiscal year that began January 2024, exports grew 5%.", "5%", ("2024", "in")),
])
def test_a_fiscal_year_named_by_its_start_is_named_by_the_year_it_ends_in(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


@pytest.mark.parametrize("text,qty,expected", [
    ("Heating bills rose 12% over the 2024-25 winter.", "12%", ("2024-WI", "in")),
    ("Reservoirs refilled 30% during the 2021/22 winter season, the agency said.", "30%", ("2021-WI", "in")),
])
def test_a_split_year_before_a_season_is_that_season(extractor, text, qty, expected):
    assert tf(extractor, text, qty) == expected


def test_a_split_year_before_a_crop_named_by_its_season_stays_a_fiscal_year(extractor):
    assert tf(extractor, "Farm income rose 4% in 2024-25 winter wheat.", "4%") == ("FY2025", "in")
