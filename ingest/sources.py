"""Where wire input comes from: files, folders (recursively) and feed URLs."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from ingest.types import WireError

WIRE_SUFFIXES = {".txt", ".xml", ".json", ".ninjs", ".rss", ".atom"}


@dataclass
class Source:
    name: str  # path or URL, for messages
    path: Path | None = None
    url: str = ""

    def read(self) -> bytes:
        """Return the source's bytes; raise WireError with a reason if it cannot be read."""
        return fetch(self.url) if self.url else read_file(self.path)


def expand(targets: list[str]) -> Iterator[Source | tuple[str, str]]:
    """Yield a Source per file or URL; (target, reason) for targets that do not exist."""
    for target in targets:
        if target.startswith(("http://", "https://")):
            yield Source(target, url=target)
            continue
        path = Path(target)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in WIRE_SUFFIXES:
                    yield Source(str(file), path=file)
        elif path.is_file():
            yield Source(target, path=path)
        else:
            yield (target, "No such file, folder or URL.")


def read_file(path: Path) -> bytes:
    """Read a file, refusing one over the size limit before loading it."""
    size = path.stat().st_size
    if size > settings.WIRE_MAX_BYTES:
        raise WireError(
            f"The file is {size / 1e6:.1f} MB; the limit is {settings.WIRE_MAX_BYTES / 1e6:.0f} MB."
        )
    return path.read_bytes()


def fetch(url: str) -> bytes:
    """Fetch a feed URL with a timeout and a size limit."""
    request = urllib.request.Request(url, headers={"User-Agent": "Newsroom wire desk"})
    timeout = settings.WIRE_FETCH_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(settings.WIRE_MAX_BYTES + 1)
    except TimeoutError:
        raise WireError(f"The feed did not answer within {timeout} s.") from None
    except urllib.error.HTTPError as error:
        raise WireError(f"The feed answered HTTP {error.code} {error.reason}.") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError | socket.timeout):
            raise WireError(f"The feed did not answer within {timeout} s.") from None
        raise WireError(f"The feed could not be fetched: {reason}.") from None
    if len(data) > settings.WIRE_MAX_BYTES:
        raise WireError(f"The feed is larger than {settings.WIRE_MAX_BYTES / 1e6:.0f} MB.")
    return data
