"""A minimal W3C WebDriver client over plain HTTP + JSON (Python stdlib only).

tauri-driver sometimes reuses a stale connection and the request fails with
"Remote end closed connection without response"; every request is retried up to
3 times, 0.2 s apart (see docs in /work/shared/design/toolchain-notes.md).
"""

from __future__ import annotations

import base64
import http.client
import json
import time
import urllib.error
import urllib.request

# The W3C key under which an element reference travels.
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    """The remote end answered with a W3C error (`error`, `message`)."""

    def __init__(self, status: int, error: str, message: str):
        super().__init__(f"{status} {error}: {message}")
        self.error = error


def request(base: str, method: str, path: str, body: dict | None = None, timeout: float = 60.0):
    """One WebDriver command; returns the `value` of the answer."""
    data = None if body is None else json.dumps(body).encode()
    last: Exception | None = None
    for attempt in range(4):  # the first try and 3 retries
        req = urllib.request.Request(base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json; charset=utf-8")
        req.add_header("Connection", "close")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            payload = e.read()
            try:
                value = json.loads(payload).get("value", {})
            except ValueError:
                value = {"error": "unknown error", "message": payload.decode(errors="replace")}
            raise WebDriverError(e.code, value.get("error", "?"), value.get("message", "")) from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError) as e:
            last = e
            time.sleep(0.2)
    raise ConnectionError(f"{method} {path}: {last}")


def wait_until_ready(base: str, timeout: float = 20.0) -> None:
    """Polls /status until the driver answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            request(base, "GET", "/status", timeout=2)
            return
        except (ConnectionError, WebDriverError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Session:
    """A WebDriver session on one application window."""

    def __init__(self, base: str, capabilities: dict):
        self.base = base
        value = request(base, "POST", "/session", {"capabilities": capabilities}, timeout=120)
        self.id = value["sessionId"]

    def _cmd(self, method: str, path: str, body: dict | None = None):
        return request(self.base, method, f"/session/{self.id}{path}", body)

    def delete(self) -> None:
        request(self.base, "DELETE", f"/session/{self.id}")

    def find(self, css: str) -> str | None:
        """The first element matching `css`, or None."""
        try:
            return self._cmd("POST", "/element", {"using": "css selector", "value": css})[ELEMENT_KEY]
        except WebDriverError as e:
            if e.error == "no such element":
                return None
            raise

    def wait_for(self, css: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            element = self.find(css)
            if element is not None:
                return element
            if time.monotonic() > deadline:
                raise TimeoutError(f"no element {css!r} after {timeout:.0f} s")
            time.sleep(0.2)

    def text(self, element: str) -> str:
        return self._cmd("GET", f"/element/{element}/text")

    def attribute(self, element: str, name: str) -> str | None:
        return self._cmd("GET", f"/element/{element}/attribute/{name}")

    def click(self, element: str) -> None:
        self._cmd("POST", f"/element/{element}/click", {})

    def set_window_rect(self, width: int, height: int) -> None:
        self._cmd("POST", "/window/rect", {"x": 0, "y": 0, "width": width, "height": height})

    def screenshot(self, path: str) -> None:
        with open(path, "wb") as f:
            f.write(base64.b64decode(self._cmd("GET", "/screenshot")))

    # --- input and scripts (W3C WebDriver) -------------------------------------------------

    def send_keys(self, element: str, text: str) -> None:
        """Types `text` into an editable element (input, textarea)."""
        self._cmd("POST", f"/element/{element}/value", {"text": text})

    def clear(self, element: str) -> None:
        self._cmd("POST", f"/element/{element}/clear", {})

    def press(self, *keys: str) -> None:
        """Presses and releases each key in turn on whatever has the focus (Actions API).
        Special keys use WebDriver code points, e.g. "\\ue015" for ArrowDown."""
        actions = []
        for k in keys:
            actions += [{"type": "keyDown", "value": k}, {"type": "keyUp", "value": k}]
        self._cmd("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        self._cmd("DELETE", "/actions")

    def chord(self, modifier: str, key: str) -> None:
        """Holds `modifier` (e.g. "\ue009" Control) while pressing `key`."""
        actions = [{"type": "keyDown", "value": modifier}, {"type": "keyDown", "value": key},
                   {"type": "keyUp", "value": key}, {"type": "keyUp", "value": modifier}]
        self._cmd("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        self._cmd("DELETE", "/actions")

    def execute(self, script: str, *args):
        """Runs `script` (a function body) in the page and returns its value."""
        return self._cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def execute_async(self, script: str, *args):
        """Runs `script`; it finishes by calling arguments[arguments.length - 1](value)."""
        return self._cmd("POST", "/execute/async", {"script": script, "args": list(args)})

    def property(self, element: str, name: str):
        return self._cmd("GET", f"/element/{element}/property/{name}")

    def find_all(self, css: str) -> list[str]:
        values = self._cmd("POST", "/elements", {"using": "css selector", "value": css})
        return [v[ELEMENT_KEY] for v in values]
