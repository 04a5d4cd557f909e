"""Several sources reporting the same differing figure: one row in the HTML and Markdown conflict
tables (and one reason line in `conflicts`), each source's passage listed and reachable."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.report.build import ReportInput, build_report
from claimcheck.report.formats import render
from claimcheck.store import connect
from claimcheck.store.differing import differing_value, group_conflicts, without_context


def report_of(db: Path) -> ReportInput:
    conn = connect(db)
    try:
        return build_report(conn, db, generated_at="2026-01-01T00:00:00+00:00")
    finally:
        conn.close()


def test_the_other_side_of_a_reason_is_the_differing_value() -> None:
    vs = "figure: 40 bridges (closed; 3 Mar 2025) vs 25 bridges (closed (port); 3 Mar 2025)"
    assert differing_value(vs, "", "") == "25 bridges"
    assert without_context("25 bridges (closed (port); 3 Mar 2025)") == "25 bridges"
    assert differing_value("date: 4 Jun 2024 vs 2 Jun 2024 (opened, tunnel)", "", "") == (
        "2 Jun 2024"
    )
    first = "date: first ferry strike of 2024 on 9 May 2024, but one on 2 Feb 2024"
    assert differing_value(first, "", "") == "2 Feb 2024"
    # an update runs earlier → later, so either side may be the other source's
    update = "update: 300 homes (flooded; 1 Apr 2024) → 1,200 homes (flooded; 6 Apr 2024)"
    later = "By 6 April 2024 some 1,200 homes had flooded."
    earlier = "On 1 April 2024, 300 homes had flooded."
    assert differing_value(update, earlier, later) == "1,200 homes"
    assert differing_value(update, later, earlier) == "300 homes"
    assert differing_value(update, "No figures here.", "Nor here.") == update  # unclear: whole
    assert differing_value('statement: the passage denies it ("refuted")', "", "") == (
        "statement: the passage denies it"
    )


def test_sources_reporting_the_same_figure_share_one_row(bridges_db: Path) -> None:
    data = report_of(bridges_db)
    found = data.report.conflicts
    assert len(found) == 4 and {c.claim_id for c in found} == {found[0].claim_id}
    groups = group_conflicts(found)
    assert [g.first.group for g in groups].count("figure: 25 bridges") == 1
    twenty_five = next(g for g in groups if g.first.group == "figure: 25 bridges")
    assert sorted(Path(p).name for p in twenty_five.sources) == ["coastguard.md", "mayor.md"]
    update = next(g for g in groups if g.first.kind == "update")
    assert update.first.group == "update: 52 bridges"  # the later source's count, not the claim's

    page = render(data, "html")
    table = page.split('<section id="conflicts">')[1].split("</section>")[0]
    rows = re.findall(r'<tr class="conflict" data-sources="(\d)">', table)
    assert sorted(rows) == ["1", "2"]  # 25 bridges (two sources) and 31 bridges (one)
    row = next(r for r in table.split("<tr ")[1:] if 'data-sources="2"' in r)
    assert "2 passages in 2 sources report this" in row
    assert "Coastguard update on the harbour storm" in row
    assert "Mayor briefs residents after the storm" in row
    assert "31 bridges" not in row.split("report this")[1]
    for anchor in re.findall(r'href="#([0-9a-f]+-p\d+)"', row):
        assert f'id="{anchor}"' in page  # each passage reachable in the claim's card
    assert len(re.findall(r'href="#[0-9a-f]+-p\d+"', row)) == 2

    markdown = render(data, "md")
    conflicts = markdown.split("## Conflicts")[1].split("## Updates")[0]
    lines = [line for line in conflicts.splitlines() if line.startswith("| [c")]
    assert len(lines) == 2
    both = next(line for line in lines if "2 passages in 2 sources" in line)
    assert "**coastguard.md**" in both and "**mayor.md**" in both and "radio.md" not in both


def test_conflicts_prints_each_differing_value_once(bridges_db: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(bridges_db), "conflicts"])
    assert result.exit_code == 0, result.stderr
    reasons = [line for line in result.stdout.splitlines() if line.startswith("  [figure]")]
    assert len(reasons) == 2
    assert any("vs 25 bridges" in r and r.endswith("(2 sources)") for r in reasons)
    assert "4 conflicting passages on 1 claims" in result.stdout
