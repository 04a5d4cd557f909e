"""Who said it: speakers named after the verb, possessive bodies, the sentence's own speaker over
a source inside what it reports, pronouns and quotes resolved across sentences, and accuracy on
hand-labelled articles."""

from __future__ import annotations

from claimcheck.extract.attribution import extract_attribution
from claimcheck.extract.claims import extract
from claimcheck.extract.speakers import is_person, resolve_speakers
from tests.extract.speaker_labels import LABELS, ROOT, normal, score


def _speakers(text: str) -> dict[str, str | None]:
    """Each claim's opening words and its attribution, for a text written for the test."""
    return {c.text[:24]: c.attribution for c in extract("d", text, "0" * 64).claims}


def test_a_speaker_named_after_the_verb() -> None:
    quote = '"Nobody has told us when the bridge will reopen," said Carla Nguyen.'
    assert extract_attribution(quote) == "Carla Nguyen"
    inverted = "The council approved 45 homes on Tuesday, said Mayor Carla Nguyen, after a vote."
    assert extract_attribution(inverted) == "Mayor Carla Nguyen"
    assert extract_attribution("Residents filed 640 claims in three days, insurers said.") == (
        "insurers"
    )
    assert extract_attribution("The plant will close by June, the company announced.") == (
        "the company"
    )


def test_the_sentence_speaker_wins_over_a_source_inside_the_report() -> None:
    text = "The sheriff's office said 17 roads remained closed, according to the county's count."
    assert extract_attribution(text) == "The sheriff's office"
    listed = "In October, South Korea, the United States and Japan confirmed 12 deliveries."
    assert extract_attribution(listed) == "South Korea, the United States and Japan"
    assert extract_attribution("The union representing the workers said 300 jobs go.") == (
        "The union"
    )


def test_pronouns_and_quotes_take_the_speaker_before_or_after() -> None:
    text = (
        "Fire Chief Daniel Ortiz told reporters that crews rescued 23 people. "
        "The Red Cross said it served 8,000 meals.\n\n"
        "He added that two firefighters were treated on 4 March.\n\n"
        "It said 40 volunteers had joined on Monday.\n\n"
        '"We lost 12 cows. Nothing is left of the barn," said Maria Lopez on Sunday.'
    )
    found = _speakers(text)
    assert found["He added that two firefi"] == "Fire Chief Daniel Ortiz"
    assert found["It said 40 volunteers ha"] == "The Red Cross"
    assert found['"We lost 12 cows.'] == "Maria Lopez"


def test_resolving_keeps_named_speakers_and_needs_one_before() -> None:
    sentences = ["She said 4 roads were shut.", "Priya Shah said 300 jobs go.", "She said 15."]
    assert resolve_speakers(sentences, [None, "Priya Shah", None], [True, True, False]) == [
        None,
        "Priya Shah",
        "Priya Shah",
    ]
    assert is_person("Tom Baker") and is_person("Baker")
    assert not is_person("the agency") and not is_person("Officials")


def test_accuracy_on_the_hand_labelled_articles() -> None:
    results = score(LABELS, ROOT)
    own = [r for name, r in results.items() if name.startswith("tests/")]
    assert sum(r[0] for r in own) == sum(r[1] for r in own), [r[2] for r in own]
    right = sum(r[0] for r in results.values())
    total = sum(r[1] for r in results.values())
    assert total >= 100 and right / total >= 0.95, [r[2] for r in results.values()]
    assert normal("The Sheriff’s office.") == "sheriff's office"
