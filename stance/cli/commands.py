"""The `stance` command line: parses arguments, configures logging, calls one library function.

Exit status: 0 when every input item was processed; 1 when nothing could run (bad config,
model or arguments); 3 when the output was written but some items were skipped (each is
reported on stderr). A `StanceError` from any command is reported once, by the app, as
`error: …` with status 1. The library is imported inside each command, so `stance --help`
loads neither pandas, spaCy nor torch.
"""

from __future__ import annotations

import functools
import inspect
import logging
import shlex
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from stance.errors import StanceError
from stance.version import __version__


class _Commands(TyperGroup):
    """The app's command group: a `StanceError` raised by any command (a missing file, a bad config, a model
    path that is not a model) ends the run with `error: <what is wrong>` and status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StanceError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(cls=_Commands, no_args_is_help=True, add_completion=False,
                  help="Quotes, speakers, tone and stance from news articles.")
evaluate_app = typer.Typer(cls=_Commands, no_args_is_help=True, help="Score predictions against gold annotations.")
app.add_typer(evaluate_app, name="evaluate")

EXIT_SKIPPED = 3

InputsArg = Annotated[list[str], typer.Argument(
    help="Articles: .txt files, directories of .txt files, JSONL/CSV/Parquet tables with `text` and `id` "
         "columns, or - for JSON Lines on stdin.", show_default=False)]
OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="Output table; the suffix picks the format "
                                         "(.parquet, .csv, .jsonl, or .hf for a Hugging Face dataset directory).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="TOML config (see configs/extract.toml).",
                                                exists=True, dir_okay=False)]
SpacyOpt = Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline package or path.")]
ToneModelOpt = Annotated[str | None, typer.Option("--tone-model", help="Tone model: `default` (shipped), a "
                                                  "directory or a Hugging Face id.")]
StanceModelOpt = Annotated[str | None, typer.Option("--stance-model", help="Stance model: `default` (shipped), "
                                                    "a directory or a Hugging Face id.")]
TonePriorOpt = Annotated[str | None, typer.Option("--tone-prior", help="Class shares the tone model assumes: "
                                                "`model` (its own record), `none`, or e.g. "
                                                "`negative=0.4,neutral=0.5,positive=0.1`.")]
StancePriorOpt = Annotated[str | None, typer.Option("--stance-prior", help="Class shares the stance model assumes: "
                                                    "`model` (its own record; the shipped model has "
                                                    "none), `none` (its own outputs), or e.g. "
                                                    "`escalation=0.2,negotiation=0.1,neutral=0.7`.")]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="Skip the articles a killed run with the same output "
                                        "already wrote, and finish the table.")]
ErrorsOpt = Annotated[Path | None, typer.Option("--errors", help="Error table (JSON Lines) of the skipped items; "
                                                "default OUTPUT.errors.jsonl.", dir_okay=False)]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")]
class Engine(StrEnum):
    local = "local"
    ray = "ray"


EngineOpt = Annotated[Engine, typer.Option("--engine", help="local, or ray (Ray Data; pip install 'stance[ray]'; "
                                           "RAY_ADDRESS names a cluster).")]
PartOpt = Annotated[int, typer.Option("--part-articles", min=1, help="Articles per committed part (the unit a "
                                      "resumed run keeps).", hidden=True)]
ZeroShotOpt = Annotated[bool, typer.Option("--zero-shot", help="The models are NLI models; score one hypothesis "
                                           "per label.")]


#: The classifier options of `score`, `classify` and `evaluate labels`, declared once: name -> (type, default).
MODEL_OPTIONS = {"tone_model": (ToneModelOpt, None), "stance_model": (StanceModelOpt, None),
                 "zero_shot": (ZeroShotOpt, False), "tone_prior": (TonePriorOpt, None),
                 "stance_prior": (StancePriorOpt, None)}


#: The options of `extract` and `score`, declared once.
BATCH_OPTIONS = {"output": (OutputOpt, Path("quotes.parquet")), "config": (ConfigOpt, None),
                 "spacy_model": (SpacyOpt, None), "resume": (ResumeOpt, False), "errors": (ErrorsOpt, None),
                 "workers": (WorkersOpt, 1),
                 "engine": (EngineOpt, Engine.local), "part_articles": (PartOpt, 100),
                 "verbose": (Annotated[bool, typer.Option("--verbose", "-v")], False)}


def _options(group: str, options: dict):
    """A decorator that gives a command the `options` (name -> (type, default)), declared once for every command
    that takes them; the command receives their values as one dict, its parameter named `group`."""
    def decorate(command):
        signature = inspect.signature(command, eval_str=True)
        params = [p for name, p in signature.parameters.items() if name != group]
        params += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
                   for name, (annotation, default) in options.items()]

        @functools.wraps(command)
        def with_options(*args, **kwargs):
            return command(*args, **{group: {name: kwargs.pop(name) for name in options}}, **kwargs)

        with_options.__signature__ = signature.replace(parameters=params)
        return with_options
    return decorate


_model_options = _options("models", MODEL_OPTIONS)
_batch_options = _options("batch", BATCH_OPTIONS)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def _print_error(error) -> None:
    typer.echo(f"skipped {error.source}: {error.reason}", err=True)


def _print_note(note: str) -> None:
    typer.echo(note, err=True)


@app.command("extract")
@_batch_options
def extract_command(inputs: InputsArg, batch: dict | None = None) -> None:
    """Find every quote with its speaker and write one row per quote."""
    _run(inputs, None, **batch)


def _with_models(settings, models: dict):
    """A classify config with the options a user gave on the command line."""
    from dataclasses import replace

    changes = {**models, "zero_shot": models.get("zero_shot") or None}
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})


def _classify_settings(config: Path | None, models: dict):
    """The classify config (`config`, or the defaults) with the options a user gave on the command line."""
    from stance.config import load_classify_config

    return _with_models(load_classify_config(config), models)


@app.command("score")
@_model_options
@_batch_options
def score_command(inputs: InputsArg, batch: dict | None = None, models: dict | None = None) -> None:
    """Extract every quote with its speaker and classify its tone and stance."""
    _run(inputs, models, **batch)


def _run(inputs, models: dict | None, *, output, config, spacy_model, resume, errors, workers, engine,
         part_articles, verbose) -> None:
    """The body of `extract` and `score` (`models`: the classify options; None, no classification): a streaming,
    resumable batch run on the chosen engine."""
    _setup_logging(verbose)
    from dataclasses import replace

    from stance.batch.local import BatchOptions, run_batch
    from stance.config import load_config

    settings = load_config(config)
    extract = replace(settings.extract, spacy_model=spacy_model) if spacy_model else settings.extract
    labels = None if models is None else _with_models(settings.classify, models)
    options = BatchOptions(output=output, resume=resume, errors_path=errors, workers=workers,
                           classify=labels, part_articles=part_articles)
    if engine == Engine.ray:
        from stance.batch.ray import run_ray

        report = run_ray(inputs, extract, options, on_error=_print_error, on_note=_print_note)
    else:
        report = run_batch(inputs, extract, options, on_error=_print_error, on_note=_print_note)
    verb = "scored" if labels is not None else "found"
    resumed = f"; {report.resumed} already written" if report.resumed else ""
    typer.echo(f"{report.articles} article(s), {report.quotes} quote(s) {verb}{resumed} -> {output}", err=True)
    if report.errors:
        typer.echo(f"{len(report.errors)} item(s) skipped; reasons in {report.error_table}", err=True)
        raise typer.Exit(EXIT_SKIPPED)


@app.command("classify")
@_model_options
def classify_command(
    table: Annotated[Path, typer.Argument(help="Statements: a JSONL/CSV/Parquet table with `text` and `id` columns.",
                                          dir_okay=False)],
    output: OutputOpt = Path("labels.parquet"),
    config: ConfigOpt = None,
    models: dict | None = None,
) -> None:
    """Classify the tone and stance of each statement in a table; every input column is kept."""
    _setup_logging(False)
    from stance.io import refuse_overwriting_inputs, write_table
    from stance.pipeline import classify

    refuse_overwriting_inputs([table], {"the output": output})
    frame = classify(table, _classify_settings(config, models))
    write_table(frame, output)
    typer.echo(f"{len(frame)} statement(s) classified -> {output}", err=True)


@app.command("train")
def train_command(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Training TOML (see configs/quotes.toml).",
                                                exists=True, dir_okay=False)] = None,
    task: Annotated[str | None, typer.Option(help="tone, stance, or tone+stance: one model for both (the default "
                                                  "without --config: continue the shipped model on --data).")] = None,
    data: Annotated[list[Path] | None, typer.Option(
        "--data", help="Labelled table(s) with `text` and a `tone` or `stance` column (JSONL, CSV, Parquet or a "
                       "Hugging Face dataset directory), or gold JSONL files; replaces the config's data.",
        exists=True)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Model directory to write.",
                                                file_okay=False)] = None,
    base_model: Annotated[str | None, typer.Option(help="Model to fine-tune: a directory or Hugging Face id.")] = None,
    init_model: Annotated[str | None, typer.Option(
        help="Continue training this model (a directory, or `default` for the shipped one), its head included, "
             "instead of starting from the base.")] = None,
    interpolation: Annotated[float | None, typer.Option(
        help="With --init-model: save this share of the trained weights mixed with the rest of the model it "
             "continued (e.g. 0.7; 1 keeps the trained weights). Keeps some of what that model knew.")] = None,
    prior: Annotated[str | None, typer.Option(
        help="Class shares the saved model assumes when it predicts: `label=share,…`, or a labelled table whose "
             "labels give them (e.g. your own labelled articles, when training balances the classes).")] = None,
    epochs: Annotated[float | None, typer.Option(help="Training epochs.")] = None,
    max_steps: Annotated[int | None, typer.Option(help="Stop after this many steps (overrides epochs).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = True,
) -> None:
    """Fine-tune a tone or stance classifier on labelled data; the saved directory loads with --tone-model or
    --stance-model and with transformers.pipeline."""
    _setup_logging(verbose)
    given = [("--config", config), ("--task", task), *(("--data", path) for path in data or ()),
             ("--output", output), ("--base-model", base_model), ("--init-model", init_model),
             ("--interpolation", interpolation), ("--prior", prior), ("--epochs", epochs),
             ("--max-steps", max_steps), ("--seed", seed)]
    command = shlex.join(["stance", "train", *(str(part) for option, value in given if value is not None
                                               for part in (option, value))])
    from stance.train.joint_config import trains_joint

    if trains_joint(config, task, init_model):
        _train_joint(config, data, output, base_model, init_model, interpolation, prior, epochs, max_steps,
                     seed, command)
        return
    from stance.train.config import DataSource, load_train_config
    from stance.train.trainer import train

    sources = tuple(DataSource("table", str(path)) for path in data) if data else None
    settings = load_train_config(config, task=task, data=sources, output_dir=str(output) if output else None,
                                 base_model=base_model, init_model=init_model, interpolation=interpolation,
                                 prior=prior, epochs=epochs, max_steps=max_steps, seed=seed)
    metrics = train(settings, command=command)
    for name, stage in (("stage 1", metrics.get("stage1")), ("", metrics)):
        if stage is None:
            continue
        dev = stage["dev"]
        figures = f"dev accuracy {dev['accuracy']:.3f}, macro-F1 {dev['macro_f1']:.3f}" if dev else "no dev set"
        typer.echo(f"{name + ': ' if name else ''}{figures}")
    typer.echo(f"model -> {settings.output_dir}")


def _train_joint(config, data, output, base_model, init_model, interpolation, prior, epochs, max_steps, seed,
                 command) -> None:
    from stance.errors import ConfigError
    from stance.train.joint_config import JointSource, load_joint_config, reads_context
    from stance.train.multitask import train_joint

    if interpolation is not None or prior is not None:
        raise ConfigError("--interpolation and --prior apply to one-task training; a joint model's priors are set "
                          "per task in its config ([train] prior = { stance = ... })")
    start = init_model or (None if config else "default")
    context = reads_context(start)  # a table's `cue_sentence` column is read when the model continued reads them
    sources = tuple(JointSource("table", str(path), {"cue": True, "context": context}, split=True)
                    for path in data) if data else None
    settings = load_joint_config(config, data=sources, output_dir=str(output) if output else None,
                                 base_model=base_model, init_model=start,
                                 epochs=epochs, max_steps=max_steps, seed=seed)
    metrics = train_joint(settings, command=command)
    for task, dev in (metrics["dev"] or {}).items():
        figures = f"dev accuracy {dev['accuracy']:.3f}, macro-F1 {dev['macro_f1']:.3f}" if dev else "no dev rows"
        typer.echo(f"{task}: {figures}")
    typer.echo(f"model -> {settings.output_dir}")


@app.command("export-labels")
def export_labels_command(
    table: Annotated[Path, typer.Argument(help="A quote table from `stance score` (or `stance extract`).",
                                          exists=True, dir_okay=False)],
    output: OutputOpt = Path("to_label.csv"),
    prefill: Annotated[bool, typer.Option("--prefill", help="Fill `tone` and `stance` with the model's labels "
                                          "(to correct rather than to label from scratch).")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the N most uncertain quotes.")] = None,
) -> None:
    """Write a sheet of quotes to label by hand, most uncertain first; once its `tone`/`stance` columns are
    filled, `stance train --data SHEET` trains on the labelled rows (blank ones are skipped)."""
    _setup_logging(False)
    from stance.classifier.labelling import labelling_sheet
    from stance.io import load, refuse_overwriting_inputs, write_table

    refuse_overwriting_inputs([table], {"the output": output})
    sheet = labelling_sheet(load(table), prefill=prefill, limit=limit)
    write_table(sheet, output)
    typer.echo(f"{len(sheet)} quote(s) to label -> {output}", err=True)


@evaluate_app.command("labels")
@_model_options
def evaluate_labels_command(
    gold: Annotated[Path, typer.Argument(help="Labelled statements: a table or gold JSONL with `text` and `tone` "
                                              "and/or `stance` columns, or a NewsMTSC JSONL file.",
                                         exists=True, dir_okay=False)],
    predictions: Annotated[Path | None, typer.Argument(
        help="Predicted labels (output of `stance classify`), joined on `id`; left out, the gold texts are "
             "classified with the configured models.", exists=True, dir_okay=False)] = None,
    task: Annotated[list[str] | None, typer.Option(help="Task(s) to score (default: every one the gold has).")] = None,
    config: ConfigOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    models: dict | None = None,
) -> None:
    """Accuracy, macro-F1, a per-class report and the confusion matrix of tone and stance labels."""
    _setup_logging(False)
    import json

    from stance.evaluate.labels import evaluate_labels

    scores = evaluate_labels(gold, predictions, tasks=task,
                             config=_classify_settings(config, models))
    if as_json:
        typer.echo(json.dumps([s.to_dict() for s in scores], indent=2))
    else:
        typer.echo("\n\n".join(s.format() for s in scores))


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
    from stance.config import load_extract_config
    from stance.evaluate.gold import gold_articles
    from stance.evaluate.quotes import evaluate_quotes
    from stance.pipeline import extract

    if predictions is None:
        predicted = extract(gold_articles(gold, articles), load_extract_config(config))
    else:
        predicted = predictions
    scores = evaluate_quotes(gold, predicted)
    typer.echo(scores.format())


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(__version__)


from stance.cli.report import report_command, summary_command  # noqa: E402

app.command("summary")(summary_command)
app.command("report")(report_command)


def main() -> None:
    app(prog_name="stance")


if __name__ == "__main__":
    main()
