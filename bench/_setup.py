"""Shared set-up for the benchmark scripts: a throwaway database with the gazetteer loaded."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_with_scratch_database(name: str) -> Path:
    """Point Django at a fresh SQLite file (unless DATABASE_URL is set) and set it up."""
    sys.path.insert(0, str(ROOT))
    scratch = Path(tempfile.mkdtemp(prefix=f"newsroom-{name}-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_gazetteer", verbosity=0)
    call_command("load_agencies", verbosity=0)
    print(f"set-up: migrate + gazetteer + agencies in {time.perf_counter() - started:.1f} s")
    return scratch
