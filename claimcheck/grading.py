"""The NATO/Admiralty grade: source reliability A–F, information credibility 1–6, and the
credibility claimcheck suggests from how many independent sources agree or disagree."""

from __future__ import annotations

from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

Reliability = Literal["A", "B", "C", "D", "E", "F"]
Credibility = Literal[1, 2, 3, 4, 5, 6]
Axis = Literal["reliability", "credibility"]
SubjectKind = Literal["publisher", "document", "claim"]

RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""Source reliability: how far the outlet has been right before (set by an analyst)."""

CREDIBILITY: dict[int, str] = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
"""Information credibility: how far other sources bear the claim out."""


def suggest_credibility(checked: bool, corroborating: int, contradicting: int) -> Credibility:
    """The credibility the evidence suggests, from the number of independent sources that
    corroborate and that contradict the claim (docs/cli.md lists the mapping)."""
    if not checked and not corroborating and not contradicting:
        return 6
    if not contradicting:
        return 1 if corroborating >= 2 else 2 if corroborating == 1 else 3
    if not corroborating:
        return 5 if contradicting >= 2 else 4
    return 3 if corroborating >= contradicting else 4


def parse_reliability(given: str) -> Reliability:
    """A reliability letter (any case), or ValueError saying what is allowed."""
    letter = given.strip().upper()
    if letter not in RELIABILITY:
        raise ValueError(f"source reliability {given!r} is not one of A B C D E F")
    return cast(Reliability, letter)


def parse_credibility(given: str) -> Credibility:
    """A credibility digit, or ValueError saying what is allowed."""
    digit = given.strip()
    if digit not in {"1", "2", "3", "4", "5", "6"}:
        raise ValueError(f"information credibility {given!r} is not one of 1 2 3 4 5 6")
    return cast(Credibility, int(digit))


def outlet_name(publisher: str | None) -> str | None:
    """A publisher's name with runs of whitespace as one space (None when blank)."""
    name = " ".join((publisher or "").split())
    return name or None


def outlet_key(publisher: str | None, path: str) -> tuple[SubjectKind, str]:
    """Which outlet a document belongs to: its publisher (case-insensitive), else itself."""
    name = outlet_name(publisher)
    return ("publisher", name.casefold()) if name else ("document", path)


def said(value: str | int | None, by: str | None = None) -> str:
    """One axis of a grade in words: 'B (usually reliable) by ana', or 'not graded'."""
    if value is None:
        return "not graded"
    words = RELIABILITY[value] if isinstance(value, str) else CREDIBILITY[value]
    return f"{value} ({words})" + (f" by {by}" if by else "")


class GradeEvent(BaseModel):
    """One analyst's grading: which axis of what, the grade before and after, who and when."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: int
    axis: Axis
    subject_kind: SubjectKind = Field(description="publisher, document (by path) or claim.")
    subject: str = Field(description="The publisher's name, the document's path or claim id.")
    from_grade: str | None = Field(description="The grade in effect before (None: ungraded).")
    to_grade: str | None = Field(description="The grade set (None: the grade was cleared).")
    analyst: str
    at: str

    @property
    def change(self) -> str:
        """What the grading did: 'reliability of publisher X: B → C'."""
        return (
            f"{self.axis} of {self.subject_kind} {self.subject}: "
            f"{self.from_grade or '—'} → {self.to_grade or '(cleared)'}"
        )


class Grade(BaseModel):
    """A claim's two-axis grade: its outlet's reliability, its own credibility, and the
    credibility the independent sources in its evidence suggest."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    source: str = Field(description="The outlet graded: its publisher, else its document's path.")
    source_kind: Literal["publisher", "document"]
    reliability: Reliability | None = None
    reliability_by: str | None = None
    reliability_at: str | None = None
    credibility: Credibility | None = None
    credibility_by: str | None = None
    credibility_at: str | None = None
    suggested_credibility: Credibility = 6
    corroborating_sources: list[str] = Field(
        default_factory=list, description="Independent outlets whose passages support it."
    )
    contradicting_sources: list[str] = Field(
        default_factory=list, description="Independent outlets whose passages contradict it."
    )
    history: list[GradeEvent] = Field(
        default_factory=list, description="Every grading of its outlet and the claim, oldest first."
    )

    @property
    def code(self) -> str:
        """The grade as analysts write it, 'B2'; '-' stands for an axis not graded yet."""
        return f"{self.reliability or '-'}{self.credibility or '-'}"

    @property
    def summary(self) -> str:
        """Both axes with who set them, then the suggestion: one line of a report."""
        if self.reliability is None and self.credibility is None:
            return f"not graded; {self.suggestion}"
        outlet = f" ({self.source})" if self.source_kind == "publisher" else ""
        return (
            f"{self.code}: source{outlet} {said(self.reliability, self.reliability_by)}; claim "
            f"{said(self.credibility, self.credibility_by)}; {self.suggestion}"
        )

    @property
    def suggestion(self) -> str:
        """The suggested credibility, what it rests on, and the outlets on either side."""
        suggested = self.suggested_credibility
        sides = [
            f"{label}: {', '.join(names)}"
            for label, names in (
                ("corroborating", self.corroborating_sources),
                ("contradicting", self.contradicting_sources),
            )
            if names
        ]
        return f"suggested {suggested} ({CREDIBILITY[suggested]}: {self.basis})" + "".join(
            f"; {side}" for side in sides
        )

    @property
    def basis(self) -> str:
        """What the suggestion rests on, in words."""
        if self.suggested_credibility == 6 and not self.corroborating_sources:
            return "not checked yet"
        backing, against = len(self.corroborating_sources), len(self.contradicting_sources)
        verb, against_verb = (
            "corroborates" if backing == 1 else "corroborate",
            "contradicts" if against == 1 else "contradict",
        )
        plural = "" if backing == 1 else "s"
        return f"{backing} independent source{plural} {verb}, {against} {against_verb}"
