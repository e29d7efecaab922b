"""Where wire input comes from: files, folders (recursively) and feed URLs."""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import SplitResult, urljoin, urlsplit

from django.conf import settings

from ingest.types import WireError

WIRE_SUFFIXES = {".txt", ".xml", ".nitf", ".json", ".ninjs", ".rss", ".atom"}
MAX_REDIRECTS = 5
CHUNK = 65536
SLACK = 0.05  # seconds: a wait cut short by the deadline may wake a hair before it


@dataclass
class Source:
    name: str  # path or URL, for messages
    path: Path | None = None
    url: str = ""
    origin: str = ""  # the feed or folder it was found under: items' ids are unique there

    def read(self) -> bytes:
        """Return the source's bytes; raise WireError with a reason if it cannot be read."""
        return fetch(self.url) if self.url else read_file(cast(Path, self.path))  # one is set


def expand(targets: list[str]) -> Iterator[Source | tuple[str, str]]:
    """Yield a Source per file or URL; (target, reason) for targets that do not exist."""
    for target in targets:
        path = Path(target)
        if "://" in target and not path.exists():
            yield Source(target, url=target, origin=target)  # fetch() refuses other schemes
            continue
        if path.is_dir():
            yield from folder_sources(path, origin=target)
        elif path.is_file():
            yield Source(target, path=path)
        else:
            yield (target, "No such file, folder or URL.")


def folder_sources(
    folder: Path, *, origin: str = "", modified_after: float | None = None
) -> Iterator[Source]:
    """Yield a Source per wire file under a folder (only those changed after a time, if given)."""
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        if file.suffix.lower() not in WIRE_SUFFIXES:
            continue
        if modified_after is None or file.stat().st_mtime > modified_after:
            yield Source(str(file), path=file, origin=origin or str(folder))


def read_file(path: Path) -> bytes:
    """Read a file, refusing one over the size limit before loading it."""
    size = path.stat().st_size
    if size > settings.WIRE_MAX_BYTES:
        raise WireError(
            f"The file is {size / 1e6:.1f} MB; the limit is {settings.WIRE_MAX_BYTES / 1e6:.0f} MB."
        )
    return path.read_bytes()


# Fetching feeds -------------------------------------------------------------


class DeadlinePassed(TimeoutError):
    """The whole fetch took longer than WIRE_FETCH_DEADLINE."""


class SizeExceeded(Exception):
    """The answer grew past WIRE_MAX_BYTES."""


def fetch(url: str) -> bytes:
    """Fetch a feed over http(s) within a total time limit and a size limit.

    The deadline bounds the whole fetch (every read waits at most until it), so a server
    trickling a byte at a time is cut off; the size is counted while reading. Hosts on
    loopback, link-local or private addresses are refused unless WIRE_ALLOW_PRIVATE_HOSTS.
    """
    deadline = time.monotonic() + settings.WIRE_FETCH_DEADLINE
    try:
        return _fetch_following_redirects(url, deadline)
    except WireError:
        raise
    except Exception as error:  # the network's many ways to fail, each said in one sentence
        raise WireError(_fetch_failure(error, deadline)) from None


def _fetch_failure(error: Exception, deadline: float) -> str:
    if isinstance(error, SizeExceeded):
        return f"The feed is larger than {settings.WIRE_MAX_BYTES / 1e6:g} MB."
    if isinstance(error, DeadlinePassed) or (
        isinstance(error, TimeoutError) and _remaining(deadline) <= SLACK
    ):
        return f"The feed took longer than {settings.WIRE_FETCH_DEADLINE} s in all; stopped."
    if isinstance(error, TimeoutError):
        return f"The feed did not answer within {settings.WIRE_FETCH_TIMEOUT} s."
    if isinstance(error, OSError | ValueError | http.client.HTTPException):
        return f"The feed could not be fetched: {error or type(error).__name__}."
    raise error


def _fetch_following_redirects(url: str, deadline: float) -> bytes:
    for _ in range(MAX_REDIRECTS + 1):
        parts = check_url(url)
        addresses = resolve(parts.hostname or "", parts.port or _default_port(parts), deadline)
        status, reason, location, body = _get(parts, addresses, deadline)
        if status in (301, 302, 303, 307, 308) and location:
            url = urljoin(url, location)
            continue
        if status >= 400:
            raise WireError(f"The feed answered HTTP {status} {reason}.")
        return body
    raise WireError(f"The feed redirected more than {MAX_REDIRECTS} times.")


def check_url(url: str) -> SplitResult:
    """Refuse anything but an http(s) URL with a host."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}://" if scheme else "an address without http:// or https://"
        raise WireError(f"Only http:// and https:// feeds can be fetched, not {shown}.")
    if not parts.hostname:
        raise WireError("The feed address has no host name.")
    return parts


def resolve(host: str, port: int, deadline: float) -> list[str]:
    """Return the host's addresses, refusing private ones unless they are allowed.

    Every address is checked (not only the first), and the connection then goes to a
    checked address, so a name that also resolves to an internal host is refused.
    """
    addresses = _getaddrinfo_within(host, port, deadline)
    if not settings.WIRE_ALLOW_PRIVATE_HOSTS:
        for address in addresses:
            if not is_public(address):
                raise WireError(
                    f"The feed's host {host} is at {address}, a loopback, link-local or "
                    "private address; set WIRE_ALLOW_PRIVATE_HOSTS=1 to allow such hosts."
                )
    return addresses


def is_public(address: str) -> bool:
    """Return whether an IP address is on the public internet."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _getaddrinfo_within(host: str, port: int, deadline: float) -> list[str]:
    """Resolve a name, giving up at the deadline (the resolver has no timeout of its own)."""
    found: list[str] = []
    failure: list[OSError] = []

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            found.extend(dict.fromkeys(str(info[4][0]) for info in infos))
        except OSError as error:
            failure.append(error)

    thread = threading.Thread(target=lookup, daemon=True)
    thread.start()
    thread.join(_remaining(deadline))
    if thread.is_alive():
        raise DeadlinePassed
    if failure or not found:
        raise WireError(f"The feed's host {host} could not be found.")
    return found


def _get(parts: SplitResult, addresses: list[str], deadline: float) -> tuple[int, str, str, bytes]:
    connection, sock = _connect(parts, addresses, deadline)
    try:
        path = parts.path or "/"
        connection.putrequest("GET", f"{path}?{parts.query}" if parts.query else path,
                              skip_host=True, skip_accept_encoding=True)  # fmt: skip
        connection.putheader("Host", parts.netloc.rpartition("@")[2])
        connection.putheader("User-Agent", "Newsroom wire desk")
        connection.putheader("Accept-Encoding", "identity")
        connection.endheaders()
        response = connection.getresponse()
        location = response.getheader("Location", "")
        if response.status >= 300:
            return response.status, response.reason, location, b""
        return response.status, response.reason, location, _read_capped(response)
    finally:
        connection.close()
        sock.release()


def _connect(
    parts: SplitResult, addresses: list[str], deadline: float
) -> tuple[http.client.HTTPConnection, DeadlineSocket]:
    port = parts.port or _default_port(parts)
    last_error: OSError | None = None
    for address in addresses:
        try:
            raw = socket.create_connection((address, port), timeout=_wait(deadline))
        except OSError as error:
            last_error = error
            continue
        sock: socket.socket = raw
        if parts.scheme.lower() == "https":
            raw.settimeout(_wait(deadline))
            sock = ssl.create_default_context().wrap_socket(raw, server_hostname=parts.hostname)
        connection = http.client.HTTPConnection(address, port)
        wrapped = DeadlineSocket(sock, deadline)
        connection.sock = wrapped  # type: ignore[assignment]
        return connection, wrapped
    raise last_error or OSError("no address to connect to")


def _read_capped(response: http.client.HTTPResponse) -> bytes:
    """Read the body, stopping as soon as it passes the size limit."""
    limit = settings.WIRE_MAX_BYTES
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise SizeExceeded
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise SizeExceeded
        chunks.append(chunk)
    return b"".join(chunks)


class DeadlineSocket:
    """A connected socket whose every read and write waits at most until the deadline."""

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock, self._deadline = sock, deadline

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(_wait(self._deadline))
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args, **kwargs) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def close(self) -> None:
        """Do nothing: http.client closes its socket while the response still reads from it."""

    def release(self) -> None:
        """Close the connection (once the response is read)."""
        self._sock.close()


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock, self._deadline = sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        self._sock.settimeout(_wait(self._deadline))
        try:
            return self._sock.recv_into(buffer)
        except TimeoutError:
            if _remaining(self._deadline) <= SLACK:
                raise DeadlinePassed from None
            raise


def _remaining(deadline: float) -> float:
    return deadline - time.monotonic()


def _wait(deadline: float) -> float:
    """Return how long the next network step may wait: the read timeout, or less at the end."""
    remaining = _remaining(deadline)
    if remaining <= 0:
        raise DeadlinePassed
    return min(settings.WIRE_FETCH_TIMEOUT, remaining)


def _default_port(parts: SplitResult) -> int:
    return 443 if parts.scheme.lower() == "https" else 80
