"""How statuses, stances and markers look in tables: one place for the cells' Rich styles.

Layout and colours of widgets live in app.tcss; table cells are Rich text, styled here.
"""

from __future__ import annotations

from rich.text import Text

from claimcheck.models import EvidenceView, Status
from claimcheck.store.listing import ClaimRow

STATUS_BADGES = {
    Status.unverified: ("· unverified", "dim"),
    Status.confirmed: ("✔ confirmed", "bold green"),
    Status.disputed: ("✘ disputed", "bold red"),
}
STANCE_STYLES = {"contradicts": "bold red", "supports": "green", "related": "dim"}


def status_badge(status: Status, orphaned: bool = False, changed: bool = False) -> Text:
    """'✔ confirmed' in green, '✘ disputed' in red, '· unverified' dimmed; orphans say so, and
    'Δ' marks a claim whose figures or dates changed since it was decided."""
    label, style = STATUS_BADGES[status]
    badge = Text(label, style=style)
    if orphaned:
        badge.append(" ⌀", style="bold yellow")
    if changed:
        badge.append(" Δ", style="bold magenta")
    return badge


def status_symbol(badge: Text) -> Text:
    """'✔Δ' for '✔ confirmed Δ': a status badge's symbol and the marks after it, styled as in the
    badge, for a list too narrow for the word."""
    plain = badge.plain
    kept = [i for i, ch in enumerate(plain) if i == 0 or ch in "⌀Δ"]
    return Text("").join(badge[i : i + 1] for i in kept)


def pending_badge(status: Status, failed: bool) -> Text:
    """A decision not stored yet: '… confirmed' while saving, '⚠ confirmed' on red if it failed."""
    label = STATUS_BADGES[status][0].split(" ", 1)[1]
    if failed:
        return Text(f"⚠ {label}", style="bold white on red")
    return Text(f"… {label}", style="italic yellow")


def conflict_marker(contradicts: int, updates: int) -> Text:
    """'⚠' when another source contradicts the claim, '↻' when one only updates it."""
    if contradicts:
        return Text("⚠", style="bold red")
    if updates:
        return Text("↻", style="yellow")
    return Text("")


def stance_badge(stance: str, kind: str | None) -> Text:
    """The stance as a coloured word; an update is shown as such, not as 'related'."""
    if kind == "update":
        return Text("update", style="bold yellow")
    return Text(stance, style=STANCE_STYLES.get(stance, ""))


def flag_marks(row: ClaimRow) -> Text:
    """'≠' when analysts' verdicts disagree, '✎' for a hand-made claim, '⊘' dismissed, '◇' a
    reference document's claim."""
    marks = Text()
    if row.disagreement:
        marks.append("≠", style="bold magenta")
    if row.hand_made:
        marks.append("✎", style="cyan")
    if row.dismissed:
        marks.append("⊘", style="dim")
    if row.role == "reference":
        marks.append("◇", style="dim")
    return marks


def evidence_badge(e: EvidenceView) -> Text:
    """The stance shown for a link and, on a second line, the analyst's review: '✓ ana' for an
    accepted link, '✗ bo' rejected, with the model's suggestion when the analyst overrode it."""
    badge = stance_badge(e.stance, None if e.analyst_stance else e.kind)
    if e.analyst_stance is not None:
        badge.stylize("bold")
    if e.link == "accepted":
        badge.append(f"\n✓ {e.link_analyst}", style="green")
    elif e.link == "rejected":
        badge.stylize("strike dim")
        badge.append(f"\n✗ {e.link_analyst}", style="red")
    if e.analyst_stance is not None and e.suggested_stance not in (None, e.analyst_stance):
        badge.append(f" (model: {e.suggested_stance})", style="dim")
    return badge


MARKERS: list[tuple[str, str]] = [
    ("· unverified", "status: nobody has decided yet (c, d, u decide)"),
    ("✔ confirmed", "status: an analyst confirmed it"),
    ("✘ disputed", "status: an analyst disputed it"),
    ("… confirmed", "a decision being saved (shown saved once it is stored)"),
    ("⚠ confirmed", "on red: a decision NOT saved yet; kept and retried (r retries now)"),
    ("· ✔ ✘", "status column in a stacked list: the status's symbol (the preview names it)"),
    ("⌀", "after the status: orphaned, a re-ingest could not find the span"),
    ("Δ", "after the status: a re-ingest changed its figures or dates since it was decided"),
    ("⚠", "column ⚠: another source contradicts the claim"),
    ("↻", "column ⚠: another source only updates it (a later count or date)"),
    ("≠", "flags column: analysts' verdicts disagree"),
    ("✎", "flags column: made by hand (added, split or re-spanned)"),
    ("⊘", "flags column: dismissed as not a claim (f shows dismissed claims)"),
    ("◇", "flags column: a reference document's claim (f includes them)"),
    ("worth", "check-worthiness, 0 to 1"),
    ("+ / −", "how many passages support / contradict it (a rejected link does not count)"),
    ("✓ ana / ✗ bo", "evidence: link accepted / rejected by that analyst"),
    ("(model: …)", "evidence: what the model suggested, where the analyst set another stance"),
]
"""Every marker the list and the evidence show, with what it means (the help screen's legend)."""
