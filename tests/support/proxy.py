"""`DroppingProxy`: a TCP proxy on 127.0.0.1 that forwards requests to a server and, while
`drop_responses` is set, throws the server's answer away and closes the client's connection.

That is the "server committed, answer lost on the way back" fault, made with real sockets:

    with DroppingProxy(server.port) as proxy:
        proxy.drop_responses = True
        httpx.post(proxy.url + "/api/v1/sync/push", ...)   # raises httpx.RemoteProtocolError/ReadError
        assert proxy.dropped.wait(10)                       # the server did answer
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType


class DroppingProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self.drop_responses = False
        self.dropped = threading.Event()  # set once an answer has been thrown away
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self.port = int(self._listener.getsockname()[1])
        self._closed = False
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            client.close()
            return
        threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
        try:
            while True:
                data = upstream.recv(65536)
                if not data:
                    break
                if self.drop_responses:
                    self.dropped.set()
                    break  # the answer is lost: close the client's side without a byte
                client.sendall(data)
        except OSError:
            pass
        finally:
            for s in (client, upstream):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def __enter__(self) -> DroppingProxy:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
