"""Helpers shared by tests: admin forms, a local HTTP server, threads run at once, rows
shared by a module's tests."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import transaction
from django.forms import MultiWidget
from django.urls import reverse


def admin_form_data(client, article) -> dict:
    """Open a report's change page and return its form data as the browser would post it."""
    page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        if isinstance(field.widget, MultiWidget):  # a date and a time: one input each
            bound = form[name]
            context = field.widget.get_context(bound.html_name, bound.value(), {})
            for part in context["widget"]["subwidgets"]:
                data[part["name"]] = part["value"] or ""
            continue
        value = form[name].value()
        if value is not None:
            data[name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def edit_in_admin(client, article, **changes):
    """Save a report through its admin form, as an editor would."""
    data = {**admin_form_data(client, article), **changes}
    return client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


def run_in_threads(target: Callable[[], None], count: int) -> None:
    """Run `target` in `count` threads at once and wait for them (30 s at the most each)."""
    threads = [threading.Thread(target=target) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)


@contextmanager
def local_http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on a free loopback port in a thread; yield the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def shared_by_the_module(django_db_blocker) -> Iterator[None]:
    """Keep rows written inside for every test of a module, and roll them back after.

    For a module-scoped fixture: each test's own transaction nests in this one (a
    savepoint), so a test's writes still vanish after it, and the module's go at its end.
    Every test of the module then sees these rows: keep tests that need an empty
    database in another module.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
