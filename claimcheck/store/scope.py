"""Which claims a query covers: SQL conditions for a `Scope` (role, dismissal, analyst)."""

from __future__ import annotations

from claimcheck.models import Scope


def scope_filter(
    scope: Scope | None, *, claims: str = "c", document: str = "cd", state: str = "s"
) -> tuple[str, list[object]]:
    """` AND …` conditions on the claim, document and claim_state aliases, and their params."""
    if scope is None:
        return "", []
    where: list[str] = []
    params: list[object] = []
    if not scope.include_reference:
        where.append(f"{document}.role = 'source'")
    if not scope.include_dismissed:
        where.append(f"{state}.dismissed = 0")
    if scope.analyst is not None:
        where.append(
            f"EXISTS (SELECT 1 FROM decisions x WHERE x.claim_id = {claims}.id AND x.analyst = ?)"
        )
        params.append(scope.analyst)
    return "".join(f" AND {w}" for w in where), params
