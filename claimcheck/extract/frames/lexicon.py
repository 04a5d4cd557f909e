"""Word classes that structure figures and events: outcomes, people, reporting, parts, units.

These are general English classes of news and incident reporting (the categories humanitarian
and public-health tallies use: killed, injured, hospitalised, ill, missing, evacuated,
destroyed, damaged), not the wording of any one document. Everything is matched on spaCy lemmas.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word table written as whitespace-separated words."""
    return frozenset(text.split())


def _classes(text: str) -> dict[str, str]:
    """'class: word word …' lines as a word → class table."""
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        name, words = line.split(":")
        for word in words.split():
            table[word] = name.strip()
    return table


OUTCOMES = _classes(
    """
    death: die death dead kill fatality fatal perish drown deceased
    injury: injure injury hurt wound wounded injured
    hospital: hospitalize hospitalise hospitalization hospitalisation hospitalized admit
    illness: ill sick sicken infect infection illness case diagnose symptom
    missing: missing disappear
    arrest: arrest detain detention
    evacuation: evacuate evacuation evacuee flee displace displaced
    destruction: destroy raze level obliterate
    damage: damage damaged
    rescue: rescue
    job_loss: redundant redundancy layoff axe eliminate go risk
    decrease: fall drop decline lose slide slump sink plunge tumble dip lower shrink shed cut
    increase: rise gain climb jump increase surge soar grow high higher add
    """
)
"""What happened to the people or things a figure counts: figures in different classes differ
(patients hospitalised are not patients who died), whatever the embedding says."""

JOB_NOUNS = _words("job role post position")
"""Counted things whose loss the job_loss class describes ('jobs cut', 'roles at risk')."""

PERSON_NOUNS = _words(
    """
        person people resident patient case victim individual man woman child adult worker
        employee staff member passenger guest visitor student soldier civilian citizen
        inhabitant household family customer user voter pupil tenant occupant volunteer
        firefighter officer
        """
)
"""Nouns for people: two counts of people with the same outcome count the same people."""

EVENT_CLASSES = _classes(
    """
    begin: start begin commence launch open erupt ignite spark break
    end: end finish conclude close closure halt cease stop
    announce: announce unveil reveal publish release disclose
    declare: declare proclaim
    confirm: confirm verify
    shut: shut shutdown suspend suspension
    reopen: reopen resume restore
    order: order direct instruct require
    sign: sign approve ratify
    """
)
"""Verbs that name one kind of event: 'broke out' and 'started' both begin something."""

REPORTING_VERBS = _words(
    """
        say tell state report announce note add claim estimate assess warn write reveal disclose
        insist allege argue acknowledge believe predict expect confirm brief quote project
        calculate put forecast
        """
)
"""Verbs of saying and estimating: their subject is a source, not the owner of the figure."""

LIGHT_VERBS = _words(
    """
        be bring have remain stand reach total number become get make take
        """
)
"""Verbs that carry no meaning of their own for a figure ('were 47', 'reached 53')."""

PART_WORDS = _words(
    """
        alone additional further extra another other remaining first second third initial new more
        """
)
"""Words that mark a figure as counting part of a whole ('in Cedar Flats alone', '11 further')."""

SEPARATE_WORDS = _words("separate another other different unrelated earlier previous")
"""Words that put a figure on another event than the one in the news ('the separate fire')."""

NEUTRAL_MODIFIERS = _words(
    """
        estimated confirmed reported total overall known official registered recorded
        approximately roughly about some current latest final preliminary cumulative
        """
)
"""Adjectives that qualify how a count is known, not which things it counts."""

DIMENSIONS = {
    "acre": ("area", 1.0), "hectare": ("area", 2.4711), "ha": ("area", 2.4711),
    "sq ft": ("floor", 1.0), "square foot": ("floor", 1.0), "square feet": ("floor", 1.0),
    "sqft": ("floor", 1.0), "square metre": ("floor", 10.7639), "square meter": ("floor", 10.7639),
    "sq m": ("floor", 10.7639), "mph": ("speed", 1.0), "mile per hour": ("speed", 1.0),
    "miles per hour": ("speed", 1.0), "km/h": ("speed", 0.6214), "kph": ("speed", 0.6214),
    "kilometre per hour": ("speed", 0.6214), "kilometres per hour": ("speed", 0.6214),
    "mile": ("length", 1.609), "km": ("length", 1.0), "kilometre": ("length", 1.0),
    "kilometer": ("length", 1.0), "metre": ("length", 0.001), "meter": ("length", 0.001),
    "m": ("length", 0.001), "foot": ("length", 0.0003048), "feet": ("length", 0.0003048),
    "tonne": ("mass", 1.0), "ton": ("mass", 1.0), "t": ("mass", 1.0), "kg": ("mass", 0.001),
    "kilogram": ("mass", 0.001), "litre": ("volume", 1.0), "liter": ("volume", 1.0),
    "megalitre": ("volume", 1e6), "gallon": ("volume", 3.785), "kilovolt": ("voltage", 1.0),
    "kv": ("voltage", 1.0), "megawatt": ("power", 1.0), "mw": ("power", 1.0),
    "gigawatt": ("power", 1000.0), "gw": ("power", 1000.0), "kilowatt": ("power", 0.001),
    "day": ("duration", 1.0), "week": ("duration", 7.0), "month": ("duration", 30.44),
    "year": ("duration", 365.25), "hour": ("duration", 1 / 24), "minute": ("duration", 1 / 1440),
    "point": ("points", 1.0), "degree": ("temperature", 1.0), "degree c": ("temperature", 1.0),
    "degree f": ("temperature", 1.0), "kelvin": ("temperature", 1.0),
}  # fmt: skip
"""Units of measure: (dimension, factor to the dimension's base unit). Temperatures in different
scales (or none named) are never compared: a difference and a reading convert differently."""

CURRENCIES = _words(
    """
        USD EUR GBP JPY CAD AUD NZD HKD SGD BRL
        """
)
DOLLARS = _words(
    """
        USD CAD AUD NZD HKD SGD
        """
)

PROJECTION_VERBS = _words(
    """
    expect promise pledge vow aim plan target forecast project intend hope predict anticipate
    """
)
"""Verbs that put a figure in the future: 'is expected to deliver £120m', 'promised £140m'."""

PROJECTION_NOUNS = _words("target forecast goal projection pledge promise ambition guidance")
"""Nouns that make a figure a target rather than a tally: 'a savings target of £140m'."""

REVISION_VERBS = _words(
    """
    raise lower revise upgrade downgrade increase reduce trim lift boost scale cut
    """
)
"""Verbs that say a projection was changed ('raised its target to £140m'): then a new figure
is an update of the old one, not a contradiction."""

GENERIC_PARTICIPANTS = frozenset(
    {"year", "day", "week", "month", "time", "people", "percent", "number", "total", "part"}
    | {"thing", "way", "a.m.", "p.m."}
)
"""Nouns that say nothing about which event a date belongs to."""
