"""The `stance` command line: parses arguments, configures logging, calls one library function.

Exit status: 0 when every input item was processed; 1 when nothing could run (bad config,
model or arguments); 3 when the output was written but some items were skipped (each is
reported on stderr).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .config import load_extract_config
from .errors import StanceError
from .io import write_table
from .pipeline import RunReport, extract

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Quotes, speakers, tone and stance from news articles.")
evaluate_app = typer.Typer(no_args_is_help=True, help="Score predictions against gold annotations.")
app.add_typer(evaluate_app, name="evaluate")

EXIT_SKIPPED = 3

InputsArg = Annotated[list[str], typer.Argument(
    help="Articles: .txt files, directories of .txt files, JSONL/CSV/Parquet tables with `text` and `id` "
         "columns, or - for JSON Lines on stdin.", show_default=False)]
OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="Output table; the suffix picks the format "
                                         "(.parquet, .csv, .jsonl).", dir_okay=False)]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="TOML config (see configs/extract.toml).",
                                                exists=True, dir_okay=False)]
SpacyOpt = Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline package or path.")]


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


def _print_error(error) -> None:
    typer.echo(f"skipped {error.source}: {error.reason}", err=True)


@app.command("extract")
def extract_command(
    inputs: InputsArg,
    output: OutputOpt = Path("quotes.parquet"),
    config: ConfigOpt = None,
    spacy_model: SpacyOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Find every quote with its speaker and write one row per quote."""
    _setup_logging(verbose)
    report = RunReport()
    try:
        settings = load_extract_config(config)
        if spacy_model:
            from dataclasses import replace

            settings = replace(settings, spacy_model=spacy_model)
        from .io import read_articles
        from .pipeline import iter_quotes, quotes_frame

        frame = quotes_frame(iter_quotes(read_articles(inputs), settings, report, on_error=_print_error))
        write_table(frame, output)
    except StanceError as exc:
        _fail(exc)
    typer.echo(f"{report.articles} article(s), {report.quotes} quote(s) -> {output}"
               + (f"; {len(report.errors)} item(s) skipped" if report.errors else ""), err=True)
    if report.errors:
        raise typer.Exit(EXIT_SKIPPED)


@evaluate_app.command("quotes")
def evaluate_quotes_command(
    gold: Annotated[Path, typer.Argument(help="Gold quotes: a .gold.jsonl file or a PolNeAR split directory.",
                                         exists=True)],
    predictions: Annotated[Path | None, typer.Argument(
        help="Predicted quote table; left out, `stance extract` runs on the gold's articles.", exists=True,
        dir_okay=False)] = None,
    articles: Annotated[Path | None, typer.Option(
        help="Folder of <doc_id>.txt articles for a gold JSONL file (default: beside it).", exists=True,
        file_okay=False)] = None,
    config: ConfigOpt = None,
) -> None:
    """Recall by quote type, precision and speaker accuracy of a quote table."""
    _setup_logging(False)
    from .evaluate import evaluate_quotes, gold_articles

    try:
        if predictions is None:
            predicted = extract(gold_articles(gold, articles), load_extract_config(config))
        else:
            predicted = predictions
        scores = evaluate_quotes(gold, predicted)
    except StanceError as exc:
        _fail(exc)
    typer.echo(scores.format())


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    app(prog_name="stance")


if __name__ == "__main__":
    main()
