"""Take the README's screenshot of the graph page: ``docs/graph.png``.

    .venv/bin/python scripts/screenshot.py [--html PATH] [--out PNG] [--search TEXT]

Without ``--html`` the demo corpus ``data/`` is built first (into a temporary
directory). The page is opened from ``file://`` in Debian's headless Chromium
through Playwright, with every request that is not for a local file blocked;
the script stops with an error if the page tries to fetch anything or logs an
error. It waits for the page's ``kgraph.ready`` flag (layout settled and
drawn), types TEXT into the search box and presses Enter, as an analyst would,
waits for the view to centre on the result, and saves a 1280x800 PNG.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Route, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


def build_demo(tmp: Path) -> Path:
    """Build ``data/`` with the real pipeline and write its page into ``tmp``."""
    import kgraph

    kg = kgraph.build([ROOT / "data"])
    path = tmp / "graph.html"
    kg.to_html(path)
    return path


def screenshot(html: Path, out: Path, search: str) -> str:
    """Open ``html`` offline, search for ``search``, save the PNG; return the selected node id."""
    blocked: list[str] = []
    errors: list[str] = []

    def route(r: Route) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    def console(m: ConsoleMessage) -> None:
        if m.type == "error":
            errors.append(m.text)

    with tempfile.TemporaryDirectory() as home, sync_playwright() as p:
        # Keep Chromium's profile and caches out of the real home directory.
        os.environ.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_CACHE_HOME=f"{home}/.cache")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, service_workers="block")
        page = context.new_page()
        page.route("**/*", route)
        page.on("console", console)
        page.on("pageerror", lambda err: errors.append(f"pageerror: {err}"))
        page.goto(html.resolve().as_uri())
        page.wait_for_function("() => window.kgraph && window.kgraph.ready === true", timeout=60_000)
        page.fill("#kg-search", search)
        page.press("#kg-search", "Enter")
        selected = page.evaluate("() => network.getSelectedNodes()")
        if len(selected) != 1:
            raise SystemExit(f"screenshot: searching {search!r} selected {selected!r}, not one node")
        # select() animates the view onto the node; wait until it is centred.
        page.wait_for_function(
            """id => { const p = network.getPositions([id])[id], v = network.getViewPosition();
                       return Math.hypot(p.x - v.x, p.y - v.y) < 1; }""",
            arg=selected[0],
            timeout=10_000,
        )
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), type="png")
        browser.close()
    if blocked or errors:
        out.unlink(missing_ok=True)
        raise SystemExit(f"screenshot: the page fetched {blocked} / logged errors {errors}")
    return str(selected[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--html", type=Path, help="an existing graph.html (default: build data/ into a temp dir)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "graph.png", help="the PNG (default docs/graph.png)")
    ap.add_argument("--search", default="Ratu Tatu Chasanah", help="what to search and select (default: %(default)s)")
    args = ap.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        sys.exit(f"screenshot: Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        html = args.html if args.html is not None else build_demo(Path(tmp))
        if not html.is_file():
            sys.exit(f"screenshot: no such file: {html}")
        node = screenshot(html, args.out, args.search)
    print(f"{args.out}: {args.out.stat().st_size:,} bytes, {VIEWPORT['width']}x{VIEWPORT['height']}, selected {node}")


if __name__ == "__main__":
    main()
