"""A self-contained HTML report of a scored quote table.

One file that opens offline: the charts are Vega-Lite specs built with Altair and drawn in the browser
by the Vega / Vega-Lite / vega-embed bundle that `vl-convert-python` ships, inlined into the page. A
Content-Security-Policy in the page forbids every network request, so a chart that tried to fetch
something would fail loudly (a console error) instead of quietly needing the network.

Sections: speakers on tone × stance (with quote counts), stance over time (when the table has a `date`
column), the strongest escalation and negotiation quotes, and each article's quotes with their speakers
and coloured labels. Each article's quotes sit in a collapsed `<details>` and the quote rows are plain
HTML, not chart marks, so a report of 1,000 articles stays a few MB.
"""

from __future__ import annotations

import functools
import html
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from stance.report.summary import (
    STANCE_LABELS,
    UNKNOWN,
    day_keys,
    format_mean_sd,
    format_number,
    require_columns,
    scored_rows,
    summarize,
)
from stance.schema import SIGNED

logger = logging.getLogger(__name__)

STANCE_COLOURS = {"escalation": "#c0392b", "neutral": "#9e9e9e", "negotiation": "#2471a3"}

#: Speakers drawn on the tone × stance chart (the most quoted first); the rest are counted in a note.
MAX_CHART_SPEAKERS = 300
#: Speakers named next to their point on the chart.
LABELLED_SPEAKERS = 15
#: Rows of the speaker table under the chart.
TABLE_SPEAKERS = 30
#: Articles shown open rather than collapsed when the report has this many or fewer.
OPEN_ARTICLES = 3

CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:")


@dataclass(frozen=True)
class Highlight:
    """One of the strongest escalation or negotiation quotes."""

    speaker: str
    text: str
    article_id: str
    stance: str
    stance_score: float


@dataclass(frozen=True)
class ReportInfo:
    """What `write_report` wrote."""

    path: Path
    articles: int
    quotes: int
    speakers: int
    size_bytes: int


@functools.cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script that sets `window.vegaEmbed` (bundled once per process)."""
    import altair as alt
    import vl_convert

    version = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    bundle = vl_convert.javascript_bundle(
        vl_version=version if version in vl_convert.get_vegalite_versions() else None)
    if "</script" in bundle.lower():  # it is inlined in a <script> element, which this would close
        raise RuntimeError("the vl-convert JavaScript bundle contains `</script`; it cannot be inlined")
    return bundle


def _script_json(value: object) -> str:
    """JSON that is safe inside a `<script>` element: no `<`, so a quote's text cannot close or comment it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _esc(value: object) -> str:
    return html.escape("" if value is None or value is pd.NA else str(value))


def _num(value: float | None, spec: str = "+.2f") -> str:
    return format_number(value, spec).replace("-", "−")


def _label_class(prefix: str, label: object) -> str:
    text = "" if label is None or label is pd.NA else str(label)
    return f"{prefix}-{''.join(ch for ch in text if ch.isalnum())}" if text else f"{prefix}-none"


# --- charts -------------------------------------------------------------------------------------------


def speaker_chart(speakers: pd.DataFrame) -> dict:
    """Vega-Lite spec: one point per speaker at (mean tone_score, mean stance_score), sized by quote count."""
    import altair as alt

    data = speakers.head(MAX_CHART_SPEAKERS).copy()
    data["label"] = [f"{name} ({n})" for name, n in zip(data["speaker"], data["quotes"])]
    data["named"] = [i < LABELLED_SPEAKERS for i in range(len(data))]
    data = data.astype({"speaker": object, "label": object})
    axis = alt.Scale(domain=[-1, 1], nice=False)
    base = alt.Chart(data).encode(
        x=alt.X("tone_mean:Q", scale=axis, title="tone: mean tone_score (negative ← → positive)"),
        y=alt.Y("stance_mean:Q", scale=axis, title="stance: mean stance_score (escalation ← → negotiation)"),
    )
    points = base.mark_circle(opacity=0.8, stroke="#333", strokeWidth=0.6).encode(
        size=alt.Size("quotes:Q", title="quotes", scale=alt.Scale(range=[40, 1400])),
        color=alt.Color("stance_mean:Q", scale=alt.Scale(scheme="redblue", domain=[-1, 1]), legend=None),
        tooltip=[alt.Tooltip("speaker:N"), alt.Tooltip("quotes:Q"),
                 alt.Tooltip("tone_mean:Q", title="tone mean", format="+.2f"),
                 alt.Tooltip("tone_sd:Q", title="tone sd", format=".2f"),
                 alt.Tooltip("stance_mean:Q", title="stance mean", format="+.2f"),
                 alt.Tooltip("stance_sd:Q", title="stance sd", format=".2f"),
                 alt.Tooltip("share_escalation:Q", title="escalation", format=".0%"),
                 alt.Tooltip("share_negotiation:Q", title="negotiation", format=".0%"),
                 alt.Tooltip("share_neutral:Q", title="neutral", format=".0%")],
    )
    labels = base.transform_filter(alt.datum.named).mark_text(
        align="left", baseline="bottom", dx=7, dy=-3, fontSize=11).encode(text="label:N")
    zero = pd.DataFrame({"zero": [0.0]})
    rules = (alt.Chart(zero).mark_rule(color="#bbb").encode(x="zero:Q")
             + alt.Chart(zero).mark_rule(color="#bbb").encode(y="zero:Q"))
    chart = alt.layer(rules, points, labels).properties(width=760, height=480)
    return chart.to_dict()


def _period(dates: pd.Series) -> tuple[pd.Series, str]:
    """Each day key as its period: days for up to two months of news, weeks up to two years, else months."""
    days = pd.to_datetime(dates, format="%Y-%m-%d")
    span = (days.max() - days.min()).days
    if span <= 62:
        return days.dt.strftime("%Y-%m-%d"), "day"
    if span <= 731:
        return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d"), "week from"
    return days.dt.strftime("%Y-%m"), "month"


def stance_over_time(frame: pd.DataFrame) -> pd.DataFrame | None:
    """Quotes per period (day, week or month) with each stance's share and the mean stance_score; None
    without a `date` column or parseable dates."""
    if "date" not in frame.columns:
        return None
    keys = day_keys(frame["date"])
    known = keys != UNKNOWN
    if not known.any():
        return None
    periods, unit = _period(keys[known].astype(str))
    work = pd.DataFrame({"period": periods.to_numpy(), "stance": frame.loc[known, "stance"].astype(object).to_numpy(),
                         "stance_score": pd.to_numeric(frame.loc[known, "stance_score"]).to_numpy(dtype=float)})
    grouped = work.groupby("period", sort=True)
    table = pd.DataFrame({"quotes": grouped.size(), "stance_mean": grouped["stance_score"].mean()})
    for label in STANCE_COLOURS:
        table[label] = grouped["stance"].apply(lambda s, label=label: int((s == label).sum()))
    table = table.reset_index()
    table.attrs["unit"] = unit
    return table


def time_chart(periods: pd.DataFrame) -> dict:
    """Vega-Lite spec: mean stance_score per period above the stance labels' shares per period."""
    import altair as alt

    unit = periods.attrs.get("unit", "day")
    x = alt.X("period:O", title=unit, axis=alt.Axis(labelAngle=-45, labelOverlap=True))
    line = alt.Chart(periods).mark_line(point=True, color="#444").encode(
        x=x, y=alt.Y("stance_mean:Q", scale=alt.Scale(domain=[-1, 1]), title="mean stance_score"),
        tooltip=[alt.Tooltip("period:O", title=unit), "quotes:Q",
                 alt.Tooltip("stance_mean:Q", title="mean stance_score", format="+.2f")],
    ).properties(width=760, height=180)
    long = periods.melt(id_vars=["period", "quotes"], value_vars=list(STANCE_COLOURS), var_name="stance",
                        value_name="count")
    bars = alt.Chart(long).mark_bar().encode(
        x=x, y=alt.Y("count:Q", stack="normalize", title="share of quotes", axis=alt.Axis(format="%")),
        color=alt.Color("stance:N", scale=alt.Scale(domain=list(STANCE_COLOURS), range=list(STANCE_COLOURS.values())),
                        sort=list(STANCE_COLOURS)),
        order=alt.Order("stance_order:Q"),
        tooltip=[alt.Tooltip("period:O", title=unit), "stance:N", "count:Q", alt.Tooltip("quotes:Q", title="of")],
    ).transform_calculate(
        stance_order="indexof(['escalation', 'neutral', 'negotiation'], datum.stance)"
    ).properties(width=760, height=200)
    return alt.vconcat(line, bars).to_dict()


# --- HTML sections ------------------------------------------------------------------------------------


def strongest_quotes(frame: pd.DataFrame, label: str, top: int = 10) -> list[Highlight]:
    """The `top` quotes labelled `label` with the most extreme stance_score (lowest for escalation, highest
    for negotiation); a speaker's quote repeated across articles counts once."""
    rows = frame[frame["stance"].astype("string") == label]
    rows = rows.assign(strength=pd.to_numeric(rows["stance_score"], errors="coerce")).dropna(subset=["strength"])
    rows = rows.sort_values("strength", ascending=label == "escalation", kind="stable")
    rows = rows.drop_duplicates(subset=["speaker", "text"]).head(top)
    return [Highlight(str(r.speaker) if isinstance(r.speaker, str) and r.speaker else UNKNOWN, str(r.text),
                      str(r.article_id), label, float(r.strength)) for r in rows.itertuples(index=False)]


def _highlights_html(highlights: list[Highlight], label: str) -> str:
    if not highlights:
        return f'<p class="muted">No quote is labelled {label}.</p>'
    items = "".join(f'<li><q>{_esc(h.text)}</q> <span class="who">— {_esc(h.speaker)}</span> '
                    f'<span class="l s-{label}">{label} {_num(h.stance_score)}</span> '
                    f'<span class="muted">{_esc(h.article_id)}</span></li>' for h in highlights)
    return f"<ol>{items}</ol>"


def _speaker_table_html(speakers: pd.DataFrame) -> str:
    head = "<tr><th>speaker<th>quotes<th>tone ±sd<th>stance ±sd" + "".join(f"<th>{x}" for x in STANCE_LABELS) + "</tr>"
    rows = []
    for r in speakers.head(TABLE_SPEAKERS).itertuples(index=False):
        shares = "".join(f"<td>{_num(getattr(r, f'share_{label}'), '.0%')}" for label in STANCE_LABELS)
        spreads = "".join(f"<td>{format_mean_sd(mean, sd).replace('-', '−')}"
                          for mean, sd in ((r.tone_mean, r.tone_sd), (r.stance_mean, r.stance_sd)))
        rows.append(f"<tr><td>{_esc(r.speaker)}<td>{r.quotes}{spreads}{shares}</tr>")
    more = len(speakers) - TABLE_SPEAKERS
    note = f'<p class="muted">…and {more} more speaker(s).</p>' if more > 0 else ""
    return f'<table class="num">{head}{"".join(rows)}</table>{note}'


def _present(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and value != value) \
        and str(value).strip() != ""


def _articles_html(frame: pd.DataFrame) -> str:
    """Each article's quotes in a `<details>`, in date order when the table has dates (else input order)."""
    columns = ["article_id", "speaker", "quote_type", "tone", "tone_score", "stance", "stance_score", "text"]
    meta_columns = [c for c in ("title", "date", "source", "url") if c in frame.columns]
    records = frame[columns + meta_columns].astype(object).to_dict("records")
    days = day_keys(frame["date"]).tolist() if "date" in frame.columns else [""] * len(frame)
    groups: dict[str, list[dict]] = {}
    first_day: dict[str, str] = {}
    for record, day in zip(records, days):
        article_id = str(record["article_id"]) if _present(record["article_id"]) else UNKNOWN
        groups.setdefault(article_id, []).append(record)
        first_day.setdefault(article_id, day)
    order = sorted(groups, key=lambda a: first_day[a]) if "date" in frame.columns else list(groups)
    opened = " open" if len(groups) <= OPEN_ARTICLES else ""
    parts = []
    for article_id in order:
        rows = groups[article_id]
        meta = {c: next((r[c] for r in rows if _present(r[c])), None) for c in meta_columns}
        heading = _esc(meta.get("title") or article_id)
        extra = "".join(f" · {_esc(meta[c])}" for c in ("date", "source") if meta.get(c) is not None)
        link = f' <a href="{_esc(meta["url"])}" rel="noreferrer">link</a>' if meta.get("url") is not None else ""
        scores = [float(r["stance_score"]) for r in rows if _present(r["stance_score"])]
        mean = sum(scores) / len(scores) if scores else None
        summary = (f"<b>{heading}</b> <span class=muted>{_esc(article_id) if meta.get('title') else ''}{extra} · "
                   f"{len(rows)} quote(s) · mean stance {_num(mean)}</span>")
        body = [f"<tr><td>{_esc(r['speaker'] if _present(r['speaker']) else UNKNOWN)}<td>{_esc(r['quote_type'])}"
                f"<td><i class={_label_class('t', r['tone'])}>{_esc(r['tone'])} {_num(r['tone_score'])}</i>"
                f"<td><i class={_label_class('s', r['stance'])}>{_esc(r['stance'])} {_num(r['stance_score'])}</i>"
                f"<td>{_esc(r['text'])}" for r in rows]
        parts.append(f"<details{opened}><summary>{summary}{link}</summary><table class=q><tr><th>speaker<th>type"
                     f"<th>tone<th>stance<th>quote</tr>{''.join(body)}</table></details>")
    return "\n".join(parts)


STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;
padding:16px 24px;color:#222}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.muted{color:#777;font-size:12px}nav a{margin-right:12px}
table{border-collapse:collapse;margin:6px 0}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;
vertical-align:top}
table.num td:not(:first-child){text-align:right;font-variant-numeric:tabular-nums}
table.q i{font-style:normal;border-radius:3px;padding:1px 5px;font-size:12px;white-space:nowrap}
details{margin:4px 0;border:1px solid #e4e4e4;border-radius:4px;padding:4px 8px}summary{cursor:pointer}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:24px}ol li{margin:6px 0}.who{font-weight:600}
.l{border-radius:3px;padding:1px 5px;font-size:12px;white-space:nowrap}
.s-escalation{background:#f6d5d1;color:#7b241c}.s-negotiation{background:#d4e6f1;color:#1a4f72}
.s-neutral,.t-neutral{background:#eee;color:#555}.t-negative{background:#fbe3c4;color:#7e4a0b}
.t-positive{background:#d5f0dc;color:#1e6b34}
.chart{min-height:60px}
"""

SCRIPT = """
(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  var ids = Object.keys(specs);
  Promise.all(ids.map(function (id) {
    return vegaEmbed('#' + id, specs[id], {renderer: 'svg', actions: false});
  })).then(function () {
    document.documentElement.setAttribute('data-charts', 'rendered');
  }).catch(function (error) {
    document.documentElement.setAttribute('data-charts', 'failed');
    console.error('chart failed: ' + error);
  });
})();
"""


def build_report(table: pd.DataFrame, title: str = "Quotes, tone and stance", source: str = "",
                 top: int = 10) -> str:
    """The report for a scored quote table as one HTML string (see `write_report`)."""
    frame, where = scored_rows(table, source or "table")
    require_columns(frame, ("article_id", "text", "speaker", "quote_type"), where)
    frame = frame.reset_index(drop=True)
    speakers = summarize(frame, by="speaker")
    speakers = speakers[speakers["speaker"] != UNKNOWN].reset_index(drop=True)
    specs: dict[str, dict] = {}
    sections = []

    models = " · ".join(f"{task} model {_esc(', '.join(sorted(frame[f'{task}_model'].dropna().astype(str).unique())))}"
                        for task in ("tone", "stance") if f"{task}_model" in frame.columns)
    n_articles = frame["article_id"].nunique()
    header = (f"<h1>{_esc(title)}</h1><p class=muted>{n_articles} article(s) · {len(frame)} quote(s) · "
              f"{len(speakers)} named speaker(s){' · ' + models if models else ''}"
              f"{' · from ' + _esc(source) if source else ''} · "
              f"written {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}</p>")
    nav = ['<a href="#speakers">speakers</a>']

    if len(speakers):
        specs["chart-speakers"] = speaker_chart(speakers)
        dropped = len(speakers) - MAX_CHART_SPEAKERS
        note = (f'<p class="muted">The {MAX_CHART_SPEAKERS} most quoted speakers are drawn; {dropped} less quoted '
                "ones are not (<code>stance summary</code> lists every speaker).</p>" if dropped > 0 else "")
        sections.append('<h2 id="speakers">Speakers on tone × stance</h2><p class=muted>Each point is a speaker '
                        "at the mean tone_score and stance_score of their quotes; its size is the number of quotes. "
                        'Hover for details.</p><div id="chart-speakers" class="chart"></div>'
                        f"{note}{_speaker_table_html(speakers)}")
    else:
        sections.append('<h2 id="speakers">Speakers on tone × stance</h2><p class="muted">No named speaker.</p>')

    periods = stance_over_time(frame) if len(frame) else None
    if periods is not None:
        specs["chart-time"] = time_chart(periods)
        nav.append('<a href="#time">stance over time</a>')
        sections.append('<h2 id="time">Stance over time</h2><p class=muted>Mean stance_score per '
                        f'{periods.attrs["unit"].split()[0]} (top) and the share of each stance label (bottom).</p>'
                        '<div id="chart-time" class="chart"></div>')

    nav.append('<a href="#strongest">strongest quotes</a>')
    columns = "".join(f"<div><h3>{label.capitalize()}</h3>"
                      f"{_highlights_html(strongest_quotes(frame, label, top), label)}</div>"
                      for label in SIGNED["stance"][::-1])
    sections.append(f'<h2 id="strongest">Strongest escalation and negotiation quotes</h2><div class="cols">{columns}'
                    "</div>")
    nav.append('<a href="#articles">articles</a>')
    sections.append(f'<h2 id="articles">Articles</h2>{_articles_html(frame) if len(frame) else "<p>No quotes.</p>"}')

    scripts = ""
    if specs:
        scripts = (f'<script type="application/json" id="chart-specs">{_script_json(specs)}</script>\n'
                   f"<script>{vega_bundle()}</script>\n<script>{SCRIPT}</script>")
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name=viewport content="width=device-width,initial-scale=1"><title>{_esc(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n{header}<nav>{''.join(nav)}</nav>\n" + "\n".join(sections)
            + f"\n{scripts}\n</body></html>\n")


def write_report(table: pd.DataFrame | str | Path, path: str | Path, title: str | None = None,
                 top: int = 10) -> ReportInfo:
    """Write the HTML report of a scored quote table (a DataFrame or a path `stance.load` reads) to `path`.

    >>> stance.write_report("quotes.parquet", "report.html")  # doctest: +SKIP
    ReportInfo(path=PosixPath('report.html'), articles=1, quotes=20, speakers=8, size_bytes=...)
    """
    if isinstance(table, pd.DataFrame):
        frame, source = table, ""
    else:
        from stance.io import load

        frame, source = load(table), Path(table).name
    text = build_report(frame, title=title or "Quotes, tone and stance", source=source, top=top)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    speakers = frame["speaker"].astype("string").str.strip()
    info = ReportInfo(path, int(frame["article_id"].nunique()), len(frame),
                      int(speakers[speakers.notna() & (speakers != "")].nunique()), path.stat().st_size)
    logger.info("wrote %s (%d bytes)", path, info.size_bytes)
    return info
