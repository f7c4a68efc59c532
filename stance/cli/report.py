"""`stance summary` and `stance report`: read a scored table, print a summary or write an HTML report.

Registered on the `stance` app in `stance/cli/commands.py`, which reports a `StanceError` once for every command; each
command parses its arguments and calls one library function (`stance.summarize`, `stance.write_report`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class GroupBy(StrEnum):
    speaker = "speaker"
    article = "article"
    source = "source"
    date = "date"


class SummaryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


TableArg = Annotated[Path, typer.Argument(help="A scored quote table written by `stance score` "
                                               "(.parquet, .csv or .jsonl).", exists=True, dir_okay=False,
                                          metavar="TABLE", show_default=False)]


def summary_command(
    table: TableArg,
    by: Annotated[GroupBy, typer.Option("--by", help="Group quotes by speaker, article, source or date (day).")]
    = GroupBy.speaker,
    min_quotes: Annotated[int, typer.Option("--min-quotes", min=1, help="Leave out groups with fewer quotes.")] = 1,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="table (for reading), csv or json "
                                               "(for scripts).")] = SummaryFormat.table,
) -> None:
    """Per-speaker (or per-article, -source, -date) quotes, mean tone_score and stance_score with their
    standard deviation, and the share of escalation / negotiation / neutral quotes."""
    from stance.report.summary import format_summary, summarize

    summary = summarize(table, by=by.value, min_quotes=min_quotes)
    if fmt is SummaryFormat.csv:
        typer.echo(summary.to_csv(index=False), nl=False)
    elif fmt is SummaryFormat.json:
        typer.echo(summary.to_json(orient="records", force_ascii=False, indent=2))
    else:
        typer.echo(format_summary(summary) if len(summary) else f"no {by.value} with at least {min_quotes} quote(s)")


def report_command(
    table: TableArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.", dir_okay=False)]
    = Path("report.html"),
    title: Annotated[str | None, typer.Option(help="The report's title.")] = None,
    top: Annotated[int, typer.Option(min=1, help="How many of the strongest escalation and negotiation quotes "
                                     "to list.")] = 10,
) -> None:
    """Write one self-contained HTML report (charts inlined, opens offline): speakers on tone × stance, stance
    over time, the strongest quotes, and each article's quotes with their labels."""
    from stance.report.html import write_report

    info = write_report(table, output, title=title, top=top)
    typer.echo(f"{info.articles} article(s), {info.quotes} quote(s), {info.speakers} speaker(s) -> {info.path} "
               f"({info.size_bytes / 1e6:.1f} MB)", err=True)
