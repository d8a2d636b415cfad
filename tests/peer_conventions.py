"""The one place where the conventions of other extractors' test suites are mapped to claimx's.

Used by ``tests/test_peer_suites.py`` (Microsoft Recognizers-Text English specifications under
``tests/data/recognizers-text/``, MIT, and quantulum3's ``quantities.json``, MIT, read from the
installed package). Nothing here is used at run time.

Conventions, theirs -> ours:

* **Units.** Recognizers-Text names units in English words ("Dollar", "Square meter"); claimx
  writes ISO 4217 codes for money and UCUM-style symbols for the rest. :data:`RT_UNITS` maps
  each name to claimx's symbol. Currency sub-units ("Cent", "Pence") are values in the sub-unit
  for them and in the main unit for claimx: :data:`RT_SUBUNITS` gives the main currency and the
  share ("5 cents" is theirs 5 Cent, ours 0.05 USD).
* **Rates.** Their unit names a rate only with "per" ("Kilometer per hour"); for any other of
  their units a claimx rate ("$ 2 per share", ``USD/{share}``; "500,000 barrels a day",
  ``[bbl_us]/d``) counts by its numerator.
* **Numbers.** Values are compared as floats with a relative tolerance of 1e-6 (their fractions
  are written to 15 digits). A claimx range counts for each of its bounds (their NumberModel
  reads "1-2" as two numbers).
* **Ranges.** Their interval notation maps to claimx's comparator and bounds: ``(a,)`` -> ``>``
  a, ``[a,)`` -> ``>=`` a, ``(,b)`` -> ``<`` b, ``(,b]`` -> ``<=`` b, ``[a,a]`` -> ``=`` a, and a
  two-sided interval (open or closed at either end) -> ``lower`` a and ``upper`` b: claimx does
  not record whether a bound is included.
* **Empty results.** A case with no result means "nothing of this model's type here": it is
  right for claimx when no quantity of that type overlaps the text (NumberModel: no bare number
  without unit; PercentModel: no ``%``; a NumberWithUnit model: no quantity with a unit of its
  kind), since claimx reads numbers with units where the number model declines them.
* **Results without a number** ("convert 10 celsius to *fahrenheit*": a unit mentioned alone)
  are not quantities for claimx and are not scored (:func:`result_in_scope`).
* **Scale letters and decimal commas.** Their NumberModel reads "2.33 k", "10G" and "1,674.5 G" as
  thousands and billions and "1,3" as 1.3; claimx reads scale letters glued to the number only (k, K,
  M, B, T, mil; b after a decimal) and the comma as a thousands separator. Listed in :data:`EXCLUDED`.
* **Years, dates, times, codes and names.** Their NumberModel reads every digit run, the years
  and the parts of dates, IP addresses, phone numbers and names ("SCP-173") included; claimx
  by design returns none of them. Those cases are listed in :data:`EXCLUDED` with that reason.

Every other case is scored; each excluded case is listed in :data:`EXCLUDED` with its reason.
"""

from __future__ import annotations

from typing import Optional

#: Recognizers-Text unit name -> claimx unit (ISO 4217 code or UCUM-style symbol)
RT_UNITS: dict[str, str] = {
    # currencies
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Chinese yuan": "CNY", "Pound": "GBP",
    "British pound": "GBP", "Canadian dollar": "CAD", "Japanese yen": "JPY", "Australian dollar": "AUD",
    "Turkish lira": "TRY", "Rupee": "INR", "Mexican peso": "MXN", "Hong Kong dollar": "HKD",
    "Swiss franc": "CHF", "Costa Rican colón": "CRC", "Georgian lari": "GEL", "Lao kip": "LAK",
    "Sri Lankan rupee": "LKR", "New Zealand dollar": "NZD", "Franc": "CHF",
    # dimensions (Pound as a weight is mapped in RT_DIMENSION_UNITS)
    "Foot": "[ft_i]", "Meter": "m", "Mile": "[mi_i]", "Gallon": "[gal_us]", "Ton": "t", "Metric ton": "t",
    "Kilometer per hour": "km/h", "Kilogram": "kg", "Microgram": "µg", "Inch": "[in_i]", "Square meter": "m2",
    "Kilometer": "km", "Millimeter": "mm", "Decimeter": "dm", "Picometer": "pm", "Degree": "deg", "Turn": "{turn}",
    "Milliliter": "mL", "Barrel": "[bbl_us]", "Ounce": "[oz_av]", "Acre": "[acr_us]", "Cubic foot": "[cft_i]",
    "Bit": "bit", "Mile per hour": "[mi_i]/h", "Square kilometer": "km2", "Megabit": "Mbit", "Megabyte": "MB",
    "Tablespoon": "[tbs_us]", "Cup": "[cup_us]", "Teaspoon": "[tsp_us]", "Dram": "[dr_av]",
    "Meter per millisecond": "m/ms", "Centimeter per millisecond": "cm/ms", "Kilometer per millisecond": "km/ms",
    "Gram": "g", "Radian": "rad",
    # temperature and age
    "C": "Cel", "F": "[degF]",
    "Year": "a", "Month": "mo", "Week": "wk", "Day": "d", "Age": "a",
}
#: units whose name means another unit in a given suite ("Pound" is a weight in DimensionModel;
#: "Degree" is a temperature in TemperatureModel, where claimx reads a bare "degrees" as Celsius
#: only with a temperature word near, so a bare degree counts as Celsius or as the angle)
RT_SUITE_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "DimensionModel": {"Pound": ("[lb_av]",)},
    "TemperatureModel": {"Degree": ("Cel", "deg")},
}
#: currency sub-units: their unit -> (claimx currency, share of the main unit)
RT_SUBUNITS: dict[str, tuple[str, float]] = {
    "Cent": ("USD", 0.01), "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01), "Sen": ("JPY", 0.01),
}
#: the units of each NumberWithUnit model's kind (for its empty-result cases)
KIND_UNITS: dict[str, str] = {
    "TemperatureModel": "temperature", "AgeModel": "age", "CurrencyModel": "currency", "DimensionModel": "dimension",
}

_ORDINAL = "ordinals are ranks, not amounts: claimx returns no quantity for them ('the tenth', 'top 10')"
_YEAR_DATE = "a year or a date: claimx returns no quantity for years and dates (by design)"
_CODE = "a digit code (IP address, phone number, product or object name): claimx returns no quantity in codes"
_SCALE_LETTER = ("a scale letter spaced from the number or a G: claimx reads k, K, M, B, T only glued to the number "
                 "('10k', '5M', as in financial journalism), since a spaced letter is a unit or a label ('5 M' molar, "
                 "'grade 10 K'), and a digit glued to G names a network or a g-force ('5G', '9G')")
_DECIMAL_COMMA = ("a decimal comma ('1,3' = 1.3, '1.111,11'): claimx reads English-language text, where the comma "
                  "groups thousands ('1,111.11') and a comma between short digit groups separates numbers ('22,24')")
_TWO_UNITS = ("an amount in two units whose sub-unit word is not written ('15 dollars 50'): claimx reads the second "
              "number as a number of its own (it may be a count or a year); with the word it reads the amount "
              "('3 dollars 50 cents' -> 3.5 USD)")

#: suite -> {case input: reason}; every case of a suite not listed here is scored
EXCLUDED: dict[str, dict[str, str]] = {
    "NumberModel": {
        "192.168.1.2": _CODE,
        "Any time to meet on 5/17/2018?": _YEAR_DATE,
        "My phone number is +1-222-2222/2222": _CODE,
        "SCP-173": _CODE,
        "they were playing three-nought-four": "a score or digit sequence in words: claimx returns no quantity for "
                                               "score lines ('a 1-0 win') and digit sequences, they read each digit",
        "10G": _SCALE_LETTER,
        "- 10  k": _SCALE_LETTER,
        " 2.33 k": _SCALE_LETTER,
        "1,674.5 G": _SCALE_LETTER,
        "1,674,200.5 M": _SCALE_LETTER,
        "1.111,11, 1,111.11": _DECIMAL_COMMA,
        "The number is 1,3.": _DECIMAL_COMMA,
    },
    "NumberRangeModel": {
        "He ranks between the tenth and the fifteenth.": _ORDINAL,
        "He ranks higher than the tenth but lower than the fifteenth.": _ORDINAL,
        "How about more than 2 in 5": "'2 in 5' is one count ratio for claimx (0.4, comparator >), the bound of "
                                      "their reading is 2 alone",
        "The number is from 200 to 300 in 2008": "their own case 'The number is from 200 to 3000000 in 2008' is a "
                                                 "range; claimx reads both as ranges",
    },
    "CurrencyModel": {
        "it only cost thirteen dollars forty five": _TWO_UNITS,
        "It costs one dollar and one and one point of your credit points.": _TWO_UNITS,
        "It costs one dollar and two and three points of your credit points.": _TWO_UNITS,
        "It costs you 10 us dollar and me c $ 100 and fifty.": _TWO_UNITS,
        "it costs only 15 dollars and 15.": _TWO_UNITS,
        "it costs only 15 dollars 50.": _TWO_UNITS,
        "It costs 15 dollars 50.": _TWO_UNITS,
        "It costs 15 dollars and 50.": _TWO_UNITS,
        "The subscription will increase to 17 USD 25.": _TWO_UNITS,
        "It may need one kuai and five mao five.": "colloquial Chinese money words (kuai, mao) in an amount in two units: "
                                                  "claimx reads CLDR currency names and ISO codes",
    },
    "DimensionModel": {
        "He said: 2 pm is 2 picometer": "'2 pm' after a number is a time of day for claimx (as 'at 2 pm'); the "
                                        "picometre is read when written out ('2 picometer')",
    },
}


# ------------------------------------------------------------------ quantulum3

#: quantulum3 unit name -> (claimx units that count, multiplier from their value to ours);
#: counting units ("dozen", "gross") are plain numbers for claimx, sub-units are in the main unit
Q3_UNITS: dict[str, tuple[tuple[Optional[str], ...], float]] = {
    "dimensionless": ((None,), 1), "milligram": (("mg",), 1), "dollar": (("USD",), 1), "mile": (("[mi_i]",), 1),
    "inch": (("[in_i]",), 1), "year": (("a",), 1), "degree Celsius": (("Cel",), 1), "kilometre": (("km",), 1),
    "square kilometre": (("km2",), 1), "metre": (("m",), 1), "cubic kilometre": (("km3",), 1), "euro": (("EUR",), 1),
    "day": (("d",), 1), "month": (("mo",), 1), "hour": (("h",), 1), "gallon": (("[gal_us]",), 1),
    "electronvolt": (("eV",), 1), "gross": ((None,), 144), "gigayear": (("Ga",), 1),
    "inverse femtobarn": (("fb-1",), 1), "picometre": (("pm",), 1), "cubic centimetre": (("cm3", "mL"), 1),
    "pound sterling": (("GBP",), 1), "week": (("wk",), 1), "nanometre": (("nm",), 1),
    "inverse second": (("s-1", "Hz"), 1), "count per week": (("/wk", "x/wk"), 1), "watt per minute": (("W/min",), 1),
    "dollar per hour": (("USD/h",), 1), "kilometre per square second": (("km/s2",), 1), "litre": (("L",), 1),
    "dollar per kilogram": (("USD/kg",), 1), "percentage": (("%",), 1), "teraelectronvolt": (("TeV",), 1),
    "square mile": (("[smi_us]", "[mi_i]2"), 1), "exabyte": (("EB",), 1), "kibibyte": (("KiB",), 1),
    "bit": (("bit",), 1), "byte": (("B",), 1), "watt hour": (("Wh",), 1), "megawatt hour": (("MWh",), 1),
    "penny": (("GBP",), 0.01), "cent": (("USD",), 0.01), "ton per day": (("t/d",), 1), "joule second": (("J.s",), 1),
    "dozen": ((None,), 12), "baker's dozen": ((None,), 13), "megayear": (("Ma",), 1), "tonne": (("t",), 1),
    "dime": (("USD",), 0.1), "joule per square metre per year": (("J/m2/a",), 1), "candela second": (("cd.s",), 1),
    "gigahertz": (("GHz",), 1), "megabyte": (("MB",), 1), "milligray": (("mGy",), 1),
    "degree fahrenheit": (("[degF]",), 1), "kilometre per hour": (("km/h",), 1), "kelvin": (("K",), 1),
    "attometre": (("am",), 1), "centilitre": (("cL",), 1), "kilogram": (("kg",), 1), "pound-mass": (("[lb_av]",), 1),
    "cup": (("[cup_us]",), 1), "tablespoon": (("[tbs_us]",), 1),
}

_CHANGE = "'from X to Y' after a change verb (reduced, rose) is a change from X to Y for claimx, not a range"
_NAME = "a number inside a name (course, company, product, object): claimx returns no quantity in names"
#: quantulum3 results out of scope, as (case text, surface): reason. Years written as numbers
#: (quantulum3 reads them as dimensionless counts) are out of scope by rule (see test_peer_suites)
Q3_EXCLUDED: dict[tuple[str, str], str] = {
    ("The class is \"English 101\". On a second thought, I'll skip it.", "101"): _NAME,
    ("Cannington—South 32 Ltd", "32"): _NAME,
    ("Intel Core i7 860 Processor 2.80 GHz 8 MB LGA1156 CPU I7-860BOX", "860"): _NAME,
    ("Hubble images of the non-standard object SCP 06F6, behind galaxy cluster MACS J1149.5+6663, were sharper "
     "than any taken since the passage of Voyager 2 in 1979", "2"): _NAME,
    ("In the quantum-mechanical description, matter (solid) at absolute zero is in its ground state, the point of "
     "lowest internal energy.", "absolute zero"): "no number written: claimx reads quantities written with a number",
    ("Treatment was reduced from 44 mg to 50 mg ethanol.", "44 mg to 50 mg"): _CHANGE,
    ("The cost of gallium metal rose from about $350 per kg to $680 per kg", "$350 per kg to $680 per kg"): _CHANGE,
    ("The annual revenue is ($99.99).", "($99.99)"): "accounting brackets as a minus sign: claimx reads the number as "
                                                     "written (brackets hold conversions and asides: '120 km (75 miles)')",
}
