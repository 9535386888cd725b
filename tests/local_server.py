"""A TCP server on a local address for the link tests (tests/lke/test_fetch.py, the hostile corpus's
tests/security/cases_links.py): each connection's request is recorded and answered by a handler that
writes raw bytes, so a test can play a well-behaved web server or a hostile one (slow, silent, endless)."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable

# -- a handler gets the server (for `stopping`), the connection and the request's bytes (up to the blank
# -- line); None just closes the connection
Handler = Callable[["LocalServer", socket.socket, bytes], None]


def respond(status: str = "200 OK", *headers: str, body: bytes = b"") -> Handler:
    """A handler answering every request with this status, these headers and this body."""

    def handle(server: LocalServer, conn: socket.socket, request: bytes) -> None:
        head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Connection: close", *headers]
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    return handle


class LocalServer:
    """Listening on `host` (a random port) until closed; `accepted` counts connections, `requests` holds
    what each sent (after the TLS handshake, when `tls` is given). Use as a context manager, or `close`."""

    def __init__(
        self,
        handler: Handler | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.listener = socket.create_server((host, port), family=family)
        self.listener.settimeout(0.05)
        self.host, self.port = host, self.listener.getsockname()[1]
        self.handler, self.tls = handler, tls
        self.accepted = 0
        self.requests: list[bytes] = []
        self.stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._serving = threading.Thread(target=self._serve, daemon=True)
        self._serving.start()

    @property
    def url(self) -> str:
        return (
            f"http://{self.host}:{self.port}" if ":" not in self.host else f"http://[{self.host}]:{self.port}"
        )

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.accepted += 1
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            request = b""
            try:
                if self.tls is not None:
                    conn = self.tls.wrap_socket(conn, server_side=True)
                while b"\r\n\r\n" not in request and len(request) < 65536:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    request += chunk
                with self._lock:
                    self.requests.append(request)
                if self.handler is not None:
                    self.handler(self, conn, request)
            except OSError:
                pass  # -- the client gave up (or refused the certificate): what a client should do
            finally:
                conn.close()

    def close(self) -> None:
        self.stopping.set()
        self._serving.join()
        self.listener.close()
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
