"""`stance.write_report` and `stance report`: content, self-containment, and rendering in headless Chromium."""

from __future__ import annotations

import base64
import fcntl
import html
import json
import os
import queue
import re
import shutil
import struct
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from test_summary import scored_frame
from typer.testing import CliRunner

import stance
from stance.cli.commands import app
from stance.config import ClassifyConfig
from stance.report.html import stance_over_time, strongest_quotes

runner = CliRunner()
SEED_SPEAKERS = ("Zelenskyy", "Trump", "Maliuk", "Lucas", "O'Brien")  # the five the seed article is about


def _fold(name: str) -> str:
    return name.replace("’", "'").casefold()


@pytest.fixture(scope="module")
def seed_scored(repo_root, tiny_models) -> pd.DataFrame:
    """The seed article scored with the tiny models: real quotes and speakers, arbitrary labels."""
    config = ClassifyConfig(tone_model=str(tiny_models["tone"]), stance_model=str(tiny_models["stance"]))
    return stance.score(repo_root / "seeds" / "000_425a455c3402a5f3.txt", classify_config=config)


@pytest.fixture(scope="module")
def seed_report(seed_scored, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "seed_report.html"
    info = stance.write_report(seed_scored, path, title="Seed article")
    assert info.path == path and info.quotes == len(seed_scored) and info.size_bytes == path.stat().st_size
    return path


def chart_specs(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', page, re.S)
    return json.loads(match.group(1)) if match else {}


def chart_rows(spec: dict) -> list[dict]:
    """Every data row of a Vega-Lite spec (Altair puts them under `datasets`)."""
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_seed_report_names_the_five_speakers_with_their_quotes(seed_scored, seed_report):
    page = seed_report.read_text(encoding="utf-8")
    points = {row["speaker"]: row["quotes"] for row in chart_rows(chart_specs(page)["chart-speakers"])
              if "speaker" in row}
    for surname in SEED_SPEAKERS:
        speakers = [s for s in seed_scored["speaker"].dropna().unique() if _fold(surname) in _fold(s)]
        assert speakers, f"no speaker named {surname} in the seed's quotes"
        for speaker in speakers:
            quotes = seed_scored.loc[seed_scored["speaker"] == speaker, "text"].tolist()
            assert html.escape(speaker) in page
            assert points[speaker] == len(quotes)  # placed on tone × stance with its quote count
            for text in quotes:
                assert html.escape(text) in page, f"{speaker}: {text!r} is not in the report"


def test_seed_report_is_self_contained(seed_report):
    page = seed_report.read_text(encoding="utf-8")
    markup = re.sub(r"(<script\b[^>]*>).*?</script>", r"\1", page, flags=re.S)  # tags, not the scripts' text
    tags = re.findall(r"<(?:script|link|img|iframe|embed|object|source|audio|video)\b[^>]*>", markup)
    assert not [tag for tag in tags if re.search(r"\b(?:src|href)=", tag)], "a tag loads an outside resource"
    assert "@import" not in page and "url(http" not in page
    assert "default-src 'none'" in page  # the page's CSP forbids any request the charts might try
    assert "window.vegaEmbed=" in page  # the chart library is inline
    assert page.count("<script") == page.count("</script>") == 3


def test_report_sections_without_dates(seed_report):
    page = seed_report.read_text(encoding="utf-8")
    assert set(chart_specs(page)) == {"chart-speakers"}  # no `date` column, no time chart
    for anchor in ('id="speakers"', 'id="strongest"', 'id="articles"'):
        assert anchor in page
    assert "<details open>" in page  # a single article is shown open


def test_quote_text_cannot_break_out_of_the_page(tmp_path):
    frame = scored_frame()
    frame.loc[0, "text"] = '</script><script>alert("x")</script> & <b>bold</b>'
    frame.loc[0, "speaker"] = "Ann </script><script>alert(1)</script>"
    page = stance.write_report(frame, tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>bold" not in page  # escaped in the HTML and in the chart JSON
    assert html.escape(frame.loc[0, "text"]) in page
    assert page.count("</script>") == 3
    assert any(row.get("speaker", "").startswith("Ann <") for row in chart_rows(chart_specs(page)["chart-speakers"]))


def test_stance_over_time_by_day_and_by_week():
    frame = scored_frame()  # quotes on 2025-06-01 (3) and 2025-06-03 (2); one date does not parse
    days = stance_over_time(frame)
    assert days.attrs["unit"] == "day"
    assert days[["period", "quotes", "escalation", "neutral", "negotiation"]].values.tolist() == [
        ["2025-06-01", 3, 2, 0, 1], ["2025-06-03", 2, 0, 1, 1]]
    assert days["stance_mean"].tolist() == pytest.approx([-0.2, 0.3])
    frame["date"] = ["2025-01-01", "2025-01-02", "2025-01-05", "2025-06-30", "2025-07-06", "2025-07-07"]
    weeks = stance_over_time(frame)
    assert weeks.attrs["unit"] == "week from"  # a span over two months: weeks starting on Monday
    assert weeks[["period", "quotes"]].values.tolist() == [["2024-12-30", 3], ["2025-06-30", 2], ["2025-07-07", 1]]
    assert stance_over_time(frame.drop(columns=["date"])) is None


def test_strongest_quotes_by_stance_score_once_per_speaker_and_text():
    frame = scored_frame()
    frame = pd.concat([frame, frame.iloc[[0]].assign(article_id="a3")], ignore_index=True)  # a repeated quote
    escalation = strongest_quotes(frame, "escalation", top=5)
    assert [(h.speaker, h.stance_score, h.article_id) for h in escalation] == [("Ann", -0.8, "a1"),
                                                                                ("Ann", -0.4, "a1")]
    negotiation = strongest_quotes(frame, "negotiation", top=1)
    assert [(h.speaker, h.text) for h in negotiation] == [("Bob", "quote 2")]  # 0.6, first of a tie


def test_report_with_dates_has_a_time_chart_and_lists_articles_by_date(tmp_path):
    frame = scored_frame().assign(title=lambda f: "Title " + f["article_id"])
    frame["date"] = frame["date"].where(frame["article_id"] == "a1", "2025-05-01")
    page = stance.write_report(frame, tmp_path / "r.html").path.read_text(encoding="utf-8")
    assert set(chart_specs(page)) == {"chart-speakers", "chart-time"}
    assert page.index("<b>Title a2</b>") < page.index("<b>Title a1</b>")  # a2 is dated first
    assert 'class=s-escalation>escalation −0.80</i>' in page  # coloured labels with their scores


def test_report_of_a_table_without_quotes(tmp_path):
    info = stance.write_report(scored_frame([]), tmp_path / "r.html")
    page = info.path.read_text(encoding="utf-8")
    assert info.quotes == 0 and "No quotes." in page and "<script" not in page


def test_report_command(tmp_path):
    table = tmp_path / "scored.parquet"
    stance.write_table(scored_frame(), table)
    out = tmp_path / "out" / "report.html"
    result = runner.invoke(app, ["report", str(table), "-o", str(out), "--title", "Two articles"])
    assert result.exit_code == 0, result.output
    assert "2 article(s), 6 quote(s), 2 speaker(s) -> " in result.output
    assert "<title>Two articles</title>" in out.read_text(encoding="utf-8")


def test_report_command_without_label_columns_exits_1(tmp_path):
    table = tmp_path / "quotes.csv"
    stance.write_table(scored_frame().drop(columns=["tone", "stance", "stance_score"]), table)
    result = runner.invoke(app, ["report", str(table), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "missing column(s) tone, stance, stance_score" in result.output
    assert not (tmp_path / "r.html").exists()


# --- headless Chromium ----------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,2000"]


class DevToolsBrowser:
    """Headless Chromium driven over the DevTools protocol through `--remote-debugging-pipe`.

    Why the protocol rather than scraping `--enable-logging=stderr`: the page's console calls, uncaught exceptions
    and browser log entries (a CSP violation, a failed load) arrive as structured events
    (`Runtime.consoleAPICalled`, `Runtime.exceptionThrown`, `Log.entryAdded`) whatever the build's logging format,
    and the same connection runs JavaScript in the page to count chart marks and takes the screenshot. The pipe
    (Chromium reads NUL-terminated JSON on fd 3 and writes on fd 4) needs no port and no websocket client.
    """

    def __init__(self, binary: str, profile: Path):
        to_chrome, self._send_fd = os.pipe()
        self._recv_fd, from_chrome = os.pipe()
        # Put Chromium's ends on fds >= 10 so that bash can move them onto 3 and 4 without clobbering either.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_chrome, from_chrome)]
        os.close(to_chrome)
        os.close(from_chrome)
        command = ["bash", "-c", f'exec 3<&{high[0]} 4>&{high[1]} {high[0]}<&- {high[1]}>&-; exec "$@"', "bash",
                   binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]
        self.process = subprocess.Popen(command, pass_fds=high, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in high:
            os.close(fd)
        self.events: list[dict] = []
        self._replies: queue.Queue[dict] = queue.Queue()
        self._last_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._recv_fd, "rb", buffering=0) as pipe:
            while chunk := pipe.read(1 << 16):
                *messages, buffer = (buffer + chunk).split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    (self._replies.put if "id" in message else self.events.append)(message)

    def send(self, method: str, session: str | None = None, timeout: float = 15, **params) -> dict:
        self._last_id += 1
        message = {"id": self._last_id, "method": method, "params": params,
                   **({"sessionId": session} if session else {})}
        os.write(self._send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._replies.get(timeout=max(0.01, deadline - time.monotonic()))
            if reply["id"] == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def open_page(self) -> str:
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.send(f"{domain}.enable", session)
        return session

    def evaluate(self, session: str, expression: str):
        result = self.send("Runtime.evaluate", session, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self, session: str) -> list[str]:
        """Console errors, uncaught exceptions, browser log errors and requests that left the file."""
        found = []
        for event in (e for e in self.events if e.get("sessionId") == session):
            method, params = event["method"], event["params"]
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                args = [a.get("value", a.get("description")) for a in params["args"]]
                found.append(f"console.{params['type']}: {args}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails'].get('exception', {}).get('description')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry']['text']}")
            elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith(
                    ("file:", "data:", "about:")):
                found.append(f"request: {params['request']['url']}")
        return found

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (RuntimeError, queue.Empty, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._send_fd)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = shutil.which("chromium")
    if binary is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)")
    chromium = DevToolsBrowser(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


# Vega draws each mark as an SVG group `g.mark-<type>.role-mark` holding one element per datum.
MARKS = "document.querySelectorAll('#{chart} svg g.mark-{mark}.role-mark > {element}').length"


def render(browser: DevToolsBrowser, path: Path, timeout: float = 15) -> str:
    """Open a report, wait until its script says every chart is drawn, and fail on any problem on the page."""
    session = browser.open_page()
    browser.send("Page.navigate", session, url=path.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while (state := browser.evaluate(session, "document.readyState === 'complete' && "
                                              "document.documentElement.dataset.charts")) in (False, None):
        assert time.monotonic() < deadline, f"charts not drawn in {timeout} s: {browser.problems(session)}"
        time.sleep(0.05)
    assert state == "rendered", browser.problems(session)
    assert browser.problems(session) == []
    return session


def test_seed_report_renders_in_chromium(browser, seed_report, seed_scored, tmp_path):
    start = time.monotonic()
    session = render(browser, seed_report)
    named = seed_scored["speaker"].replace("", pd.NA).dropna().nunique()
    assert browser.evaluate(session, MARKS.format(chart="chart-speakers", mark="symbol", element="path")) == named
    labels = browser.evaluate(session, "[...document.querySelectorAll('#chart-speakers svg g.mark-text.role-mark "
                                       "> text')].map(t => t.textContent)")
    assert any(label.startswith("Volodymyr Zelenskyy (") for label in labels)
    box = browser.evaluate(session, "(r => [r.width, r.height])(document.querySelector('#chart-speakers svg')"
                                    ".getBoundingClientRect())")
    assert box[0] > 300 and box[1] > 300, f"the chart is {box}"
    shot = base64.b64decode(browser.send("Page.captureScreenshot", session, format="png")["data"])
    screenshot = tmp_path / "seed_report.png"
    screenshot.write_bytes(shot)
    width, height = struct.unpack(">II", shot[16:24])  # the PNG header's IHDR
    print(f"screenshot: {screenshot} ({width}x{height}, {len(shot)} bytes); "
          f"rendered in {time.monotonic() - start:.1f} s")
    assert width == 1280 and height > 1000 and len(shot) > 20_000


def test_time_chart_renders_in_chromium(browser, tmp_path):
    frame = scored_frame()
    frame["date"] = ["2025-06-01", "2025-06-01", "2025-06-02", "2025-06-05", "2025-06-05", "2025-06-09"]
    path = stance.write_report(frame, tmp_path / "dated.html").path
    session = render(browser, path)
    bars = browser.evaluate(session, MARKS.format(chart="chart-time", mark="rect", element="path"))
    assert bars == 4 * 3  # four days × three stance labels (a zero share is a zero-height bar)
    assert browser.evaluate(session, MARKS.format(chart="chart-time", mark="line", element="path")) == 1


@pytest.mark.parametrize("script, problem", [
    ("console.error('boom')", "console.error: ['boom']"),
    ("null.x", "exception: TypeError"),
    ("new Image().src = 'http://127.0.0.1:9/pixel.png'", "request: http://127.0.0.1:9/pixel.png"),
])
def test_the_browser_check_fails_on_errors_and_requests(browser, tmp_path, script, problem):
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><html><body><script>document.documentElement.dataset.charts = 'rendered';"
                    f"</script><script>{script}</script></body></html>", encoding="utf-8")
    with pytest.raises(AssertionError, match=re.escape(problem)):
        render(browser, page)
