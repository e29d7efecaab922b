"""Take the README's screenshots of the demo site in Debian's Chromium.

    .venv/bin/python scripts/screenshots.py

Builds a throwaway SQLite database with the demo content (what `make demo` loads), serves
it with `manage.py runserver` on a free loopback port, and saves full-page PNGs of the
home, an event, a country, a report and a search page at 1280 px, and the report at 390
px, into docs/screenshots/ under stable names. Never downloads a browser: it drives
/usr/bin/chromium (`apt-get install chromium`) through Playwright.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# The launch rules of the browser tests (tests/browser/support.py).
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip
DESKTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=390, height=844)
# Variables that would point the throwaway site at real services.
UNSET = ["DATABASE_REPLICA_URL", "REDIS_URL", "CELERY_BROKER_URL", "PAGE_CACHE_SECONDS"]


def use_development_site(database: Path) -> None:
    """Configure this process and the server it starts: DEBUG, `database`, nothing else."""
    for key in UNSET:
        os.environ.pop(key, None)
    os.environ.update(DATABASE_URL=f"sqlite:///{database}", DEBUG="1",
                      DJANGO_SETTINGS_MODULE="newsroom.settings")  # fmt: skip


def load_demo_content() -> dict[str, str]:
    """Migrate and load the demo (as `make demo` does); return the pages to photograph."""
    import django
    from django.core.management import call_command
    from django.db import connections
    from django.db.backends.signals import connection_created

    sys.path.insert(0, str(ROOT))
    django.setup()
    # A throwaway file: no need to wait for the disk after every write.
    connection_created.connect(
        lambda connection, **_: connection.cursor().execute("PRAGMA synchronous = OFF")
    )
    for command in ["migrate", "load_gazetteer", "load_demo", "load_registry"]:
        started = time.monotonic()
        call_command(command, verbosity=0)
        print(f"  {command}: {time.monotonic() - started:.0f} s", flush=True)
    pages = demo_pages()
    connections.close_all()
    return pages


def demo_pages() -> dict[str, str]:
    """Name the photographed pages: the seed report, its event, Azerbaijan, a search."""
    from articles.models import Article
    from demo import data
    from events.models import Event

    report = Article.objects.get(slug=data.MAIN_REPORT.slug).get_absolute_url()
    return {
        "home": "/",
        "event": Event.objects.get(slug=data.CASPIAN_MEDIA_FORUM_2023).get_absolute_url(),
        "country": "/countries/az/",
        "report": report,
        "search": "/search/?q=media+forum",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(log: Path) -> Iterator[str]:
    """Run the site with runserver on a free loopback port; yield its base URL."""
    port = free_port()
    command = [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks",
               f"127.0.0.1:{port}"]  # fmt: skip
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/healthz", server)
        yield base
    except BaseException:
        print(log.read_text(), file=sys.stderr)
        raise
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_up(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the site stopped on start (exit status {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the site did not answer {url} within {seconds:.0f} s")


def photograph(base: str, pages: dict[str, str]) -> list[Path]:
    """Save a full-page PNG of each page at desktop width, and of the report on a phone."""
    shots = [(name, path, DESKTOP) for name, path in pages.items()]
    shots.append(("report-phone", pages["report"], PHONE))
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for name, path, viewport in shots:
            page = browser.new_page(viewport=viewport, device_scale_factor=1, locale="en-GB",
                                    color_scheme="light", reduced_motion="reduce")  # fmt: skip
            response = page.goto(base + path, wait_until="load")
            if response is None or response.status != 200:
                raise SystemExit(f"{path} answered {response and response.status}")
            saved.append(OUT / f"{name}.png")
            page.screenshot(path=saved[-1], full_page=True, animations="disabled")
            page.close()
        browser.close()
    return saved


def warn_without_emoji_font() -> None:
    """Flags are emoji: without a colour emoji font Chromium draws them as empty boxes."""
    fonts = subprocess.run(["fc-list", ":charset=1f1e6"], capture_output=True, text=True)
    if not fonts.stdout.strip():
        print("No emoji font: flags will show as boxes (apt-get install fonts-noto-color-emoji)")


def main() -> None:
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
    warn_without_emoji_font()
    started = time.monotonic()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newsroom-screenshots-") as folder:
        use_development_site(Path(folder) / "demo.sqlite3")
        print("Loading the demo content into a throwaway database:", flush=True)
        pages = load_demo_content()
        with serving(Path(folder) / "runserver.log") as base:
            saved = photograph(base, pages)
    for path in saved:
        print(f"  {path.relative_to(ROOT)}")
    print(f"{len(saved)} screenshots in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
