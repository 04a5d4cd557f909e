"""A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (no websocket needed).

Chromium reads NUL-terminated JSON commands on file descriptor 3 and writes replies and events
on descriptor 4.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def chromium() -> str | None:
    """The Chromium binary, if the machine has one."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """Headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, binary: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def wire_fds() -> None:
            """In the child: the DevTools pipe on fds 3 (commands in) and 4 (replies out)."""
            reading = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            close_fds=False,  # fds 3 and 4 must survive exec; every other fd is non-inheritable
            preexec_fn=wire_fds,
            start_new_session=True,  # its helper processes form one group, killed together
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def __enter__(self) -> Browser:
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        attached = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        # Close it as a person would, so it flushes its profile and takes its helpers along;
        # then make sure the whole group is gone before the profile is removed (a helper still
        # writing there made rmtree fail with "Directory not empty").
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait(timeout=10)
        os.close(self._to_browser)
        os.close(self._from_browser)
        for _ in range(50):
            try:
                shutil.rmtree(self._profile)
                return
            except FileNotFoundError:
                return
            except OSError:
                time.sleep(0.1)
        shutil.rmtree(self._profile, ignore_errors=True)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command (to the page once attached) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(raw)
        return parsed

    def open(self, path: Path) -> None:
        """Load a file and wait until it has loaded."""
        self.send("Page.navigate", url=path.resolve().as_uri())
        for _ in range(200):
            state = self.evaluate("document.readyState")
            if state == "complete":
                return
            self.evaluate("new Promise(r => setTimeout(r, 50))", wait=True)
        raise RuntimeError(f"{path} did not finish loading")

    def evaluate(self, expression: str, *, wait: bool = False) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=wait
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, target: Path, width: int = 1280, height: int = 1600) -> None:
        """A PNG of the page at the given viewport size."""
        import base64

        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        data = self.send("Page.captureScreenshot", format="png")["data"]
        target.write_bytes(base64.b64decode(data))

    def print_pdf(
        self, *, paper: tuple[float, float] = (8.27, 11.69), margin: float = 0.4
    ) -> bytes:
        """The page printed to PDF as Chromium prints it (print media, A4 by default; inches)."""
        import base64

        width, height = paper
        result = self.send(
            "Page.printToPDF",
            paperWidth=width,
            paperHeight=height,
            marginTop=margin,
            marginBottom=margin,
            marginLeft=margin,
            marginRight=margin,
            printBackground=True,
        )
        return base64.b64decode(result["data"])
