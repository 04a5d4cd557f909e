"""A real HTTP server on 127.0.0.1 for the web ingest tests: pages the test can change, a
redirect, a 404, an image, an oversize page, a response that never finishes on time, and a port
with nobody listening.

The article text is written for these tests (test data, not a case file).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<!doctype html><html><head>
<title>Bridge closed after flood | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge closed after flood</h1>
<p>The Mill Street bridge was closed on Monday after inspectors found cracks in two of its
supports, the county engineer said.</p>
<p>About {vehicles} vehicles cross the bridge each day, according to a 2023 traffic count.</p>
<p>"Nobody has told us when it will reopen," said Carla Nguyen, the mayor of Harwood.</p>
</article>
<aside>Most read: Ten things to do this weekend in Harwood</aside>
<footer>Copyright 2024 The Valley Courier. All rights reserved.</footer></body></html>
"""


@dataclass
class Site:
    """What the server serves; a test may change `pages` between fetches."""

    base: str = ""
    pages: dict[str, bytes] = field(default_factory=dict)
    release: threading.Event = field(default_factory=threading.Event)
    """Set to let the slow response finish (at the end of the test)."""


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/moved":
                self._send(302, b"", "text/html", {"Location": "/article"})
            elif self.path == "/slow":
                site.release.wait(30)  # the client gives up first; released at teardown
                self._send(200, ARTICLE.encode(), "text/html")
            elif self.path == "/image.png":
                self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
            elif self.path in site.pages:
                self._send(200, site.pages[self.path], "text/html; charset=utf-8")
            else:
                self._send(404, b"<h1>Not Found</h1>", "text/html")

        def _send(
            self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read results, not the access log."""

    return Handler


class QuietServer(ThreadingHTTPServer):
    """A server that says nothing when a client hangs up mid-response (the size and time limit
    tests do that on purpose)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A dropped connection is expected here, not an error to print."""


@contextmanager
def serve() -> Iterator[Site]:
    """A server on an ephemeral port of 127.0.0.1, serving `/article` and `/big` to start with."""
    site = Site()
    site.pages["/article"] = ARTICLE.format(vehicles="9,000").encode()
    site.pages["/big"] = b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"
    server = QuietServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
