"""How fast the theme gallery serves, paints, searches, builds and holds up, with many themes.

Run with ``python bench/gallery.py [--themes N]`` (default 1,000; about a minute). It writes
N generated theme files into a temporary folder (hues seeded from a fixed random generator,
a quarter of them Gradio-style named hues; varied sizes, fonts, tags, names, descriptions and
a few variables), then:

- starts the real server, ``livery gallery --themes DIR --port 0`` (uvicorn on 127.0.0.1, a
  free port), in its own process: start → address printed → the index answers 200, and how
  long the background contrast grading of every theme takes;
- times the index over HTTP (time to first byte and to the full body), the first request
  after start and the median of a few once every theme is graded;
- in Chromium (Playwright, a fresh context each time): navigation start → first contentful
  paint of the index (``performance.getEntriesByType('paint')``), median of 3;
- types 28 keystrokes into the search box (``KEY_GAP_MS`` apart, a fast typist) and times
  each from its ``input`` event (``event.timeStamp``) to the next animation frame
  (``requestAnimationFrame``, the issue's measure) and to that frame painted (a message
  posted from the frame callback runs once its style, layout and paint are done);
- runs a bounded load on loopback: C keep-alive connections for S seconds (default 64 for
  20 s) against the index and four detail pages, gzip accepted: requests/s, p50, p99 and the
  error count, with ``wrk`` when it is installed, else a small asyncio HTTP/1.1 client;
- stops the server and times ``livery gallery build -o site/`` over the same folder.

Every request goes to 127.0.0.1 and everything stops by itself. Targets are the issue's; each
line says whether it is met. The machine's load average is printed at the start and the end:
on a shared machine the browser and build figures move with it.
"""

from __future__ import annotations

import argparse
import asyncio
import colorsys
import json
import os
import queue
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from livery.theme.palettes import NAMED

LIVERY = Path(sys.executable).with_name("livery")
SEED = 4
ENV = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}

# --- targets (issue 4) -------------------------------------------------------------------

INDEX_TARGET_MS = 1000.0
KEYSTROKE_TARGET_MS = 50.0
BUILD_TARGET_S = 10.0

# --- generated themes --------------------------------------------------------------------

ADJECTIVES = (
    "misty", "quiet", "bright", "stormy", "golden", "velvet", "frosted", "sunlit", "midnight",
    "dusky", "candid", "amber", "coral", "silent", "lucid", "rustic", "polar", "tidal", "urban",
    "vivid", "woven", "hazy", "crisp", "mellow", "ashen", "electric", "paper", "ink", "pine",
    "harbour",
)  # fmt: skip
NOUNS = (
    "harbour", "meadow", "canyon", "lagoon", "orchard", "studio", "atlas", "ember", "glacier",
    "prairie", "lantern", "quarry", "reef", "summit", "tundra", "grove", "delta", "forge",
    "garden", "signal", "ledger", "compass", "horizon", "cinder", "marina", "bazaar", "pavilion",
)  # fmt: skip
TAGS = (
    "dark", "light", "warm", "cool", "pastel", "vivid", "muted", "rounded", "sharp", "serif",
    "mono", "compact", "roomy", "corporate", "playful", "retro", "minimal", "high-contrast",
    "soft", "earthy", "ocean", "forest", "sunset", "neon", "print", "dashboard", "docs", "chat",
)  # fmt: skip
PHRASES = (
    "Made for long reading sessions.",
    "A dashboard theme with quiet greys and one loud accent.",
    "Chat-first: bubbles with clear contrast in both modes.",
    "Borrowed from an old travel poster.",
    "Tight spacing for data-heavy apps.",
    "Generous spacing and large type for demos on a projector.",
    "Inspired by a harbour at dusk; cool blues and warm lamps.",
    "Print-like, with serif headings and thin rules.",
    "Rounded corners everywhere and soft shadows.",
    "Square corners, strong borders, no shadows.",
    "Keeps to AA contrast for text in light and dark mode.",
    "A playful palette for hobby projects.",
)
SANS = (
    '["ui-sans-serif", "system-ui", "sans-serif"]',
    '["Inter", "ui-sans-serif", "system-ui", "sans-serif"]',
    '[{ name = "Montserrat", source = "local", weights = [400, 700] }, "ui-sans-serif", '
    '"system-ui", "sans-serif"]',
    '["Source Sans 3", "Helvetica Neue", "Arial", "sans-serif"]',
    '["Charter", "Georgia", "Cambria", "Times New Roman", "serif"]',
    '["Atkinson Hyperlegible", "Verdana", "sans-serif"]',
)
MONO = (
    '["ui-monospace", "Consolas", "monospace"]',
    '["JetBrains Mono", "ui-monospace", "monospace"]',
    '[{ name = "IBM Plex Mono", source = "local", weights = [400, 600] }, "ui-monospace", '
    '"Consolas", "monospace"]',
)
GRADIENT = "linear-gradient(90deg, *primary_500, *secondary_500)"
OVERRIDES = (
    ("button_primary_background_fill_hover", ("*primary_700", "*primary_400", "*primary_800")),
    ("body_background_fill", ("*neutral_50", "white", "#fbf8f3", "*secondary_50")),
    ("body_background_fill_dark", ("*neutral_950", "*neutral_900", "#0b1020")),
    ("block_border_width", ("0px", "1px", "2px")),
    ("block_shadow", ("none", "*shadow_drop", "0 2px 8px 0 rgb(0 0 0 / 0.12)")),
    ("button_primary_background_fill", ("*primary_600", GRADIENT)),
    ("input_border_color", ("*neutral_200", "*primary_200")),
    ("link_text_color", ("*secondary_600", "*primary_600")),
    ("checkbox_border_width", ("1px", "2px")),
)  # fmt: skip
NAMED_GREYS = ["slate", "gray", "zinc", "neutral", "stone"]
NAMED_CHROMATIC = [name for name in NAMED if name not in NAMED_GREYS]


def seed_colour(rng: random.Random, *, grey: bool = False) -> str:
    """A seed hue as ``#rrggbb``: saturated for primary/secondary, near-grey for neutral."""
    hue = rng.random()
    saturation = rng.uniform(0.02, 0.18) if grey else rng.uniform(0.45, 0.95)
    lightness = rng.uniform(0.38, 0.55)
    red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (red, green, blue)))


def theme_text(number: int, rng: random.Random) -> tuple[str, str]:
    """(file name, TOML text) of generated theme ``number``."""
    name = f"{rng.choice(ADJECTIVES).title()} {rng.choice(NOUNS).title()}"
    if rng.random() < 0.3:
        name += f" {rng.randint(2, 99)}"
    gradio_style = rng.random() < 0.25
    if gradio_style:  # Gradio's way: named hues from the palette
        primary, secondary = rng.choice(NAMED_CHROMATIC), rng.choice(NAMED_CHROMATIC)
        neutral = rng.choice(NAMED_GREYS)
    else:
        primary, secondary = seed_colour(rng), seed_colour(rng)
        neutral = seed_colour(rng, grey=True) if rng.random() < 0.7 else rng.choice(NAMED_GREYS)
    tags = rng.sample(TAGS, rng.randint(0, 5))
    if gradio_style:
        tags = ["gradio", *tags]
    description = " ".join(rng.sample(PHRASES, rng.randint(0, 3)))
    lines = [
        "[theme]",
        f"name = {json.dumps(name)}",
        f"description = {json.dumps(description)}",
        f"tags = {json.dumps(tags)}",
        f'author = "bench {number % 17}"',
        "",
        "[settings]",
        f'primary_hue = "{primary}"',
        f'secondary_hue = "{secondary}"',
        f'neutral_hue = "{neutral}"',
        f'text_size = "{rng.choice(("sm", "md", "md", "lg"))}"',
        f'spacing_size = "{rng.choice(("sm", "md", "md", "lg"))}"',
        f'radius_size = "{rng.choice(("none", "sm", "md", "lg", "xxl"))}"',
        f"font = {rng.choice(SANS)}",
        f"font_mono = {rng.choice(MONO)}",
        "",
        "[variables]",
    ]
    for variable, choices in rng.sample(OVERRIDES, rng.randint(0, 5)):
        lines.append(f"{variable} = {json.dumps(rng.choice(choices))}")
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"{number:04d}-{slug}.toml", "\n".join(lines) + "\n"


def write_themes(folder: Path, count: int) -> int:
    rng = random.Random(SEED)
    size = 0
    for number in range(count):
        filename, text = theme_text(number, rng)
        (folder / filename).write_text(text, encoding="utf-8")
        size += len(text)
    return size


# --- the server --------------------------------------------------------------------------


class Server:
    """``livery gallery`` in its own process, on a free loopback port."""

    def __init__(self, folder: Path) -> None:
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [str(LIVERY), "gallery", "--themes", str(folder), "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=ENV,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self._address()
        self.announced = time.perf_counter() - self.started

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def _address(self) -> str:
        seen = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            seen.append(line)
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                return found[0]
        self.stop()
        raise SystemExit("the gallery did not start:\n" + "".join(seen))

    def wait_ready(self) -> float:
        """Seconds from the process start until the index answers 200."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url, timeout=10).status_code == 200:
                    return time.perf_counter() - self.started
            except httpx.HTTPError:
                pass
            time.sleep(0.01)
        raise SystemExit("the gallery never answered")

    def wait_graded(self, timeout: float = 120) -> float:
        """Wait until every theme is graded; the seconds it took."""
        started = time.perf_counter()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if httpx.get(self.url + "data/version.json", timeout=10).json()["pending"] == 0:
                return time.perf_counter() - started
            time.sleep(0.05)
        raise SystemExit("the gallery did not finish grading")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def timed_get(url: str, encoding: str) -> tuple[float, float, int]:
    """(ms to first byte, ms to full body, body bytes as sent) of one GET."""
    with httpx.Client(timeout=30) as client:
        started = time.perf_counter()
        with client.stream("GET", url, headers={"accept-encoding": encoding}) as response:
            response.raise_for_status()
            chunks = response.iter_raw()
            first = next(chunks, b"")
            ttfb = time.perf_counter() - started
            size = len(first) + sum(len(chunk) for chunk in chunks)
        return ttfb * 1000, (time.perf_counter() - started) * 1000, size


# --- the browser -------------------------------------------------------------------------

VIEWPORT = {"width": 1280, "height": 900}
KEYSTROKES = [*"storm", *["Backspace"] * 5, *"warm reef", *["Backspace"] * 9]
"""28 keystrokes: narrow, widen, clear, twice (each changes the box, so each fires input)."""
KEY_GAP_MS = 120
"""Between keystrokes: about 100 words a minute."""

MEASURE_KEYS = """
() => {
  const search = document.getElementById("search");
  const count = document.getElementById("count");
  window.__keys = [];
  window.__untilKeys = (n) => new Promise((resolve) => {
    const check = () => (window.__keys.length >= n ? resolve() : setTimeout(check, 4));
    check();
  });
  // Added after the page's own listener, so it runs once the cards are updated.
  search.addEventListener("input", (event) => {
    const start = event.timeStamp;
    const handled = performance.now();
    const text = count.textContent;
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__keys.push({
          handler: handled - start,
          frame: frame - start,
          painted: performance.now() - start,
          count: text,
        });
      };
      channel.port2.postMessage(null);
    });
  });
}
"""

FIRST_PAINT = """
() => new Promise((resolve) => {
  const found = () => performance.getEntriesByType("paint")
    .find((entry) => entry.name === "first-contentful-paint");
  const done = () => {
    const navigation = performance.getEntriesByType("navigation")[0];
    resolve({
      fcp: found().startTime,
      responseEnd: navigation.responseEnd,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      cards: document.querySelectorAll("#cards > .card").length,
    });
  };
  if (found()) return done();
  new PerformanceObserver(() => found() && done()).observe({ type: "paint", buffered: true });
})
"""


def browser_figures(url: str) -> dict[str, Any]:
    """First paint of three fresh loads, and the keystroke timings."""
    from playwright.sync_api import sync_playwright

    from livery.testing.chromium import launch_options

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            loads = []
            for _ in range(3):
                context = browser.new_context(viewport=VIEWPORT)
                page = context.new_page()
                page.goto(url, wait_until="load", timeout=30_000)
                loads.append(page.evaluate(FIRST_PAINT))
                context.close()

            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            page.goto(url, wait_until="load", timeout=30_000)
            page.wait_for_timeout(500)  # the stylesheets of the cards in view
            page.evaluate(MEASURE_KEYS)
            page.click("#search")
            for number, key in enumerate(KEYSTROKES, start=1):
                page.keyboard.press(key)
                page.evaluate("(n) => window.__untilKeys(n)", number)
                page.wait_for_timeout(KEY_GAP_MS)
            keys = page.evaluate("window.__keys")
            context.close()
        finally:
            browser.close()
    return {"loads": loads, "keys": keys}


# --- load --------------------------------------------------------------------------------


WRK_SCRIPT = """
local paths = {%s}
local turn = 0
request = function()
  turn = turn + 1
  return wrk.format("GET", paths[(turn %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
"""


def load_run(url: str, paths: list[str], connections: int, seconds: float) -> dict[str, Any]:
    """``connections`` keep-alive connections requesting ``paths`` in turn for ``seconds``:
    with wrk when it is installed, else with a small asyncio HTTP/1.1 client (httpx's own
    client could not load the server: it tops out near 150 requests/s here)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return asyncio.run(_asyncio_load(url, paths, connections, seconds))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps("/" + path) for path in paths))
    try:
        command = [wrk, "-t2", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s"]
        output = subprocess.run(
            [*command, "--latency", "-s", script.name, url],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    errors: dict[str, int] = {}
    found = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if found:
        for name, count in zip(("connect", "read", "write", "timeout"), found.groups()):
            if int(count):
                errors[name] = int(count)
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if found:
        errors["not 2xx/3xx"] = int(found[1])

    def figure(pattern: str) -> str:
        found = re.search(pattern, output, re.MULTILINE)
        if found is None:
            raise SystemExit(f"cannot read wrk's output:\n{output}")
        return found[1]

    return {
        "tool": f"wrk ({' '.join(command[1:])})",
        "requests": int(figure(r"(\d+) requests in")),
        "rate": float(figure(r"Requests/sec:\s+([\d.]+)")),
        "p50": _wrk_ms(figure(r"^\s+50%\s+(\S+)\s*$")),
        "p99": _wrk_ms(figure(r"^\s+99%\s+(\S+)\s*$")),
        "errors": errors,
    }


def _wrk_ms(text: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if found is None:
        raise SystemExit(f"cannot read wrk's latency {text!r}")
    number, unit = found.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


async def _asyncio_load(
    url: str, paths: list[str], connections: int, seconds: float
) -> dict[str, Any]:
    host, port = re.match(r"http://([^:/]+):(\d+)/", url).groups()  # type: ignore[union-attr]
    requests = [
        f"GET /{path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept-Encoding: gzip\r\n\r\n".encode()
        for path in paths
    ]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.perf_counter() + seconds

    def failed(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def connection(number: int) -> None:
        turn = number
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                writer.write(requests[turn % len(requests)])
                turn += 1
                try:
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
                    length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
                    if length is None:
                        failed("no content-length")
                        return
                    await asyncio.wait_for(reader.readexactly(int(length[1])), 10)
                except (asyncio.TimeoutError, asyncio.IncompleteReadError, OSError) as error:
                    failed(type(error).__name__)
                    return
                latencies.append((time.perf_counter() - started) * 1000)
                if not head.startswith(b"HTTP/1.1 200"):
                    failed(head.split(b"\r\n", 1)[0].decode(errors="replace"))
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection(number) for number in range(connections)))
    elapsed = time.perf_counter() - started
    return {
        "tool": "asyncio HTTP/1.1 client (wrk is not installed)",
        "requests": len(latencies),
        "rate": len(latencies) / elapsed,
        "p50": percentile(latencies, 0.5),
        "p99": percentile(latencies, 0.99),
        "errors": errors,
    }


# --- output ------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Report:
    """Aligned rows, and the targets with whether each is met."""

    def __init__(self) -> None:
        self.targets: list[tuple[str, str, bool]] = []

    def heading(self, title: str) -> None:
        print(f"\n{title}")

    def row(self, label: str, value: str) -> None:
        print(f"  {label:<46} {value:>16}")

    def target(self, name: str, label: str, value: float, limit: float, unit: str) -> None:
        met = value <= limit
        if not unit:  # a count
            shown, wanted = f"{value:g}", f"= {limit:g}"
        else:
            shown = f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
            wanted = f"≤ {limit:g} {unit}"
        print(f"  {label:<46} {shown:>16}  {wanted:<9} {'met' if met else 'NOT met'}")
        self.targets.append((name, f"{shown} ({wanted})", met))


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--themes", type=int, default=1000, help="generated themes (1000)")
    parser.add_argument("--connections", type=int, default=64, help="load connections (64)")
    parser.add_argument("--seconds", type=float, default=20.0, help="load run seconds (20)")
    options = parser.parse_args()
    began = time.perf_counter()
    report = Report()
    print(
        f"Livery gallery benchmark: {options.themes} generated themes + the built-ins, "
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load_average()}"
    )
    work = Path(tempfile.mkdtemp(prefix="livery-bench-gallery-"))
    try:
        folder = work / "themes"
        folder.mkdir()
        started = time.perf_counter()
        size = write_themes(folder, options.themes)
        print(
            f"wrote {options.themes} theme files ({size / 1024:.0f} KiB) "
            f"in {time.perf_counter() - started:.2f} s"
        )
        server = Server(folder)
        try:
            run_server_figures(server, report)
            run_browser_figures(server, report)
            run_load(server, report, options.connections, options.seconds)
        finally:
            server.stop()
        run_build(folder, work / "site", report)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("\ntargets")
    for name, figure, met in report.targets:
        print(f"  {name:<46} {figure:>24}  {'met' if met else 'NOT met'}")
    print(f"\n(ran in {time.perf_counter() - began:.0f} s; load average now {load_average()})")
    return 0 if all(met for _, _, met in report.targets) else 1


def run_server_figures(server: Server, report: Report) -> None:
    report.heading("server (livery gallery, its own process)")
    ready = server.wait_ready()
    report.row("start → address printed", f"{server.announced:.2f} s")
    report.row("start → index answers 200", f"{ready:.2f} s")
    ttfb, body, _ = timed_get(server.url, "gzip")
    report.row("index, first request: TTFB / full body", f"{ttfb:.0f} / {body:.0f} ms")
    report.row("ready → every theme graded (background)", f"{server.wait_graded():.2f} s")
    gzip = [timed_get(server.url, "gzip") for _ in range(7)]
    plain = [timed_get(server.url, "identity") for _ in range(7)]
    report.row(
        "index (gzip), median of 7: TTFB", f"{statistics.median(t for t, _, _ in gzip):.1f} ms"
    )
    report.target(
        "index served (full body, gzip)",
        "index (gzip), median of 7: full body",
        statistics.median(b for _, b, _ in gzip),
        INDEX_TARGET_MS,
        "ms",
    )
    report.row(
        "index (identity), median of 7: full body",
        f"{statistics.median(b for _, b, _ in plain):.1f} ms",
    )
    report.row(
        "index size: gzip / identity", f"{gzip[0][2] / 1024:.0f} / {plain[0][2] / 1024:.0f} KiB"
    )


def run_browser_figures(server: Server, report: Report) -> None:
    report.heading("Chromium")
    figures = browser_figures(server.url)
    for number, load in enumerate(figures["loads"], start=1):
        report.row(
            f"load {number}: response end / DOMContentLoaded",
            f"{load['responseEnd']:.0f} / {load['domContentLoaded']:.0f} ms",
        )
    report.row("cards on the page", f"{figures['loads'][0]['cards']}")
    report.target(
        "first contentful paint",
        "first contentful paint, median of 3",
        statistics.median(load["fcp"] for load in figures["loads"]),
        INDEX_TARGET_MS,
        "ms",
    )
    keys = figures["keys"]
    shown = sorted({int(key["count"].split()[0]) for key in keys})
    report.row(
        f"{len(keys)} keystrokes, {KEY_GAP_MS} ms apart; cards shown",
        f"{shown[0]} … {shown[-1]}",
    )
    for label, name in (
        ("input → handler done", "handler"),
        ("input → next frame (rAF)", "frame"),
        ("input → that frame painted", "painted"),
    ):
        values = [key[name] for key in keys]
        report.row(
            f"{label}: median / p95 / max",
            f"{statistics.median(values):.1f} / {percentile(values, 0.95):.1f} / "
            f"{max(values):.1f} ms",
        )
    report.target(
        "search keystroke → next frame (p95)",
        "input → next frame (rAF), p95",
        percentile([key["frame"] for key in keys], 0.95),
        KEYSTROKE_TARGET_MS,
        "ms",
    )
    report.target(
        "search keystroke → frame painted (p95)",
        "input → that frame painted, p95",
        percentile([key["painted"] for key in keys], 0.95),
        KEYSTROKE_TARGET_MS,
        "ms",
    )


def run_load(server: Server, report: Report, connections: int, seconds: float) -> None:
    report.heading(f"load: {connections} connections for {seconds:g} s on loopback")
    themes = httpx.get(server.url + "data/themes.json", timeout=30).json()["themes"]
    slugs = [theme["slug"] for theme in themes if not theme["error"]]
    details = [f"themes/{slug}/" for slug in random.Random(SEED).sample(slugs, 4)]
    paths = ["", "", *details]
    print(f"  paths: / (twice as often), {', '.join('/' + path for path in details)}")
    result = load_run(server.url, paths, connections, seconds)
    print(f"  with {result['tool']}")
    report.row("requests completed", f"{result['requests']}")
    report.row("requests/s", f"{result['rate']:.0f}")
    report.row("latency p50 / p99", f"{result['p50']:.1f} / {result['p99']:.1f} ms")
    errors = sum(result["errors"].values())
    detail = f"  {result['errors']}" if errors else ""
    report.target("load run: errors", f"errors{detail}", errors, 0, "")


def run_build(folder: Path, site: Path, report: Report) -> None:
    report.heading("static build: livery gallery build -o site/")
    started = time.perf_counter()
    built = subprocess.run(
        [str(LIVERY), "gallery", "build", "-o", str(site), "--themes", str(folder)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    seconds = time.perf_counter() - started
    if built.returncode:
        print(built.stdout + built.stderr)
        raise SystemExit("the static build failed")
    print(f"  {built.stderr.strip()}")
    report.target("static build", "process start → exit", seconds, BUILD_TARGET_S, "s")
    files = [path for path in site.rglob("*") if path.is_file()]
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    report.row("files / size", f"{len(files)} / {megabytes:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
