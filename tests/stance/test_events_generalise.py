"""Who does what, and when: a directed action is what a figure counts, a holiday weekend dates a
sentence, one outcome dated to one day corroborates however worded. Sentences written here."""

from __future__ import annotations

from claimcheck.stance import classify
from tests.stance.test_frames_stance import between, dated, in_document

PUBLISHED = ("2025-06-20", "2025-05-27")


def test_what_an_order_makes_its_object_do_is_what_is_counted() -> None:
    frame = dated(
        "On May 25, 2025, the state ordered the owners of 31 wells in the valley to test their "
        "water.",
        PUBLISHED[1],
    ).frames.figures[0]
    assert frame.predicate == "test"
    label, reason = between(
        "Crews tested more than 50 wells in the valley over the Memorial Day weekend.",
        "On May 25, 2025, the state ordered the owners of 31 wells in the valley to test their "
        "water.",
        PUBLISHED,
    )
    assert label == "contradicts" and "(tested; May 2025) vs 31 wells (test; 25 May 2025)" in reason


def test_an_order_without_an_action_counts_the_order() -> None:
    frame = dated("The state ordered 31 wells in the valley on May 25.", PUBLISHED[1])
    assert frame.frames.figures[0].predicate == "order"


def test_a_long_weekend_far_from_the_order_is_another_time() -> None:
    label, _ = between(
        "Crews tested more than 50 wells in the valley over the Labor Day weekend.",
        "On May 25, 2025, the state ordered the owners of 31 wells in the valley to test their "
        "water.",
        ("2025-09-20", "2025-05-27"),
    )
    assert label != "contradicts"


def test_one_outcome_on_one_day_corroborates_in_other_words() -> None:
    label, reason = between(
        "The first passenger fell ill on 3 July, the cruise line said.",
        "The index patient's symptom onset came on July 3, 2025.",
        ("2025-07-10", "2025-07-08"),
        similarity=0.4,
    )
    assert label == "supports" and "illness" in reason
    developed = between(
        "The first passenger fell ill on 3 July, the cruise line said.",
        "The index case developed symptoms on July 3, 2025.",
        ("2025-07-10", "2025-07-08"),
        similarity=0.4,
    )
    assert developed[0] == "supports"


def test_different_outcomes_or_days_do_not_corroborate() -> None:
    ship = between(
        "The first passenger fell ill on 3 July, the cruise line said.",
        "The ship left port on July 3, 2025.",
        ("2025-07-10", "2025-07-08"),
        similarity=0.4,
    )
    later = between(
        "The first passenger fell ill on 3 July, the cruise line said.",
        "The index patient's symptom onset came on July 5, 2025.",
        ("2025-07-10", "2025-07-08"),
        similarity=0.4,
    )
    assert ship[0] != "supports" and later[0] != "supports"


ANALYSIS = (
    "Brenlow's rescue plan was unveiled on 3 June, alongside a dividend cut.\n\n"
    "The shares lost a fifth of their value on the day.\n"
)
MARKETS = (
    "Brenlow announced the rescue plan before trading began on Wednesday, together with a "
    "dividend cut.\n\n"
    "Its shares closed 12 percent lower at 40p.\n"
)
OTHER_DAY = "The shares closed 12 percent lower at 40p.\n"


def test_on_the_day_of_a_told_event_is_the_day_a_document_dates_that_event() -> None:
    on_the_day = in_document(ANALYSIS, "2025-07-01", "a fifth")
    (figure,) = on_the_day.frames.figures
    assert figure.as_of.anchor == "on day" and "dividend" in figure.as_of.events
    # the other document puts it on Wednesday 4 June (a day later), and its figure that day
    markets = in_document(MARKETS, "2025-06-04", "12 percent")
    assert "dividend" in markets.frames.figures[0].as_of.events
    result = classify(on_the_day, markets, 0.6)
    assert result.label == "contradicts" and "on the day" in result.reason


def test_a_day_with_no_such_event_leaves_on_the_day_unknown() -> None:
    on_the_day = in_document(ANALYSIS, "2025-07-01", "a fifth")
    alone = in_document(OTHER_DAY, "2025-06-04", "12 percent")
    result = classify(on_the_day, alone, 0.6)
    assert result.label == "related" and "times unknown" in result.reason


PLAN = (
    "Corvell Bank said it will close 40 branches next year.\n\n"
    "The bank employs 8,200 people in 310 branches.\n"
)
DONE = "Corvell Bank closed 40 branches last year.\n\nThe bank employs 8,200 people.\n"


def test_before_the_cuts_is_wherever_the_cuts_are_still_to_come() -> None:
    claim = dated("Before the cuts, Corvell Bank employed more than 9,000 people.", "2025-09-01")
    plan = in_document(PLAN, "2025-03-12", "8,200")
    assert "before cutback" in plan.frames.figures[0].as_of.events
    result = classify(claim, plan, 0.7)
    assert result.label == "contradicts" and "Before the cuts" in result.reason
    done = in_document(DONE, "2025-03-12", "8,200")
    assert done.frames.figures[0].as_of.events == []
    assert classify(claim, done, 0.7).label == "related"


def test_a_plan_stated_as_changed_is_an_update_not_a_discrepancy() -> None:
    revised = dated("Sixty branches will now close, the bank said.", "2025-06-20")
    assert not revised.frames.figures[0].projected
    label, _ = between(
        "Corvell Bank will close 40 branches, the bank said.",
        "Sixty branches will now close, the bank said.",
        ("2025-05-02", "2025-06-20"),
    )
    assert label == "update"


def test_a_tally_of_several_dated_events_had_begun_by_the_first() -> None:
    tally = dated("Two passengers died, on 2 May and 9 May.", "2025-05-20")
    assert tally.frames.figures[0].as_of.first == "2025-05-02"
    after_first = between(
        "No deaths have been linked to the outbreak, officials said on 5 May.",
        "Two passengers died, on 2 May and 9 May.",
        ("2025-05-05", "2025-05-20"),
    )
    assert after_first[0] == "contradicts"
    before_first = between(
        "No deaths have been linked to the outbreak, officials said on 1 May.",
        "Two passengers died, on 2 May and 9 May.",
        ("2025-05-01", "2025-05-20"),
    )
    assert before_first[0] == "update"


def test_free_standing_texts_are_separate_documents() -> None:
    from claimcheck.stance.pairs import sides

    over, told, on_the_day, tally = sides(
        [
            "Officials declared the measles outbreak over on 9 October 2025.",
            "Brenlow's rescue plan was unveiled on 3 June 2025.",
            "The shares lost a fifth of their value on the day.",
            "Four children were hospitalised during the outbreak.",
        ]
    )
    assert over.frames.figures == [] and told.frames.dates
    assert on_the_day.frames.figures[0].as_of.events == []  # nothing told before it in its text
    assert not tally.frames.figures[0].as_of.final  # another text declared an outbreak over
