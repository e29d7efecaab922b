"""The wheel built from pyproject.toml carries every app and the files they need."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = shutil.ignore_patterns(
    ".*", "*.egg-info", "build", "staticfiles", "__pycache__", "db.sqlite3*", "tests", "bench"
)


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    source = tmp_path_factory.mktemp("source") / "newsroom"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), str(source)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = out.glob("newsroom-*.whl")
    return set(zipfile.ZipFile(wheel).namelist())


def test_the_wheel_contains_every_project_app_with_its_migrations(wheel_files):
    apps = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()]
    assert {"articles", "events", "organizations", "places", "ingest", "editorial"} <= set(apps)
    for app in [*apps, "newsroom"]:
        assert f"{app}/__init__.py" in wheel_files, app
        for module in (ROOT / app).rglob("*.py"):
            assert module.relative_to(ROOT).as_posix() in wheel_files, module
    assert "ingest/migrations/0001_initial.py" in wheel_files


def test_the_wheel_carries_templates_static_files_and_registry_data(wheel_files):
    for folder in ("templates", "static", "organizations/data"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file():
                assert path.relative_to(ROOT).as_posix() in wheel_files, path
    assert not any(name.startswith(("tests/", "bench/", "staticfiles/")) for name in wheel_files)
