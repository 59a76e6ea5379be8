"""A loopback network receipt printer for the print tests: it answers DLE EOT n as an Epson TM does, keeps
each connection's bytes apart (one connection = one job), and can be switched off and on again on the
same port, or told to misbehave: ``silent`` (never answers status), ``drop`` (closes halfway through a
job), ``paper_out``, ``cover_open``, ``garbage``, ``hang`` (takes the job, then never answers again)."""

from __future__ import annotations

import socket
import threading
import time

DLE_EOT = b"\x10\x04"
# Epson status bytes: bits 1 and 4 are always set (0x12); n=1 printer, 2 offline cause, 3 error, 4 paper.
ONLINE = 0x12
OFFLINE = 0x08
COVER_OPEN = 0x04
PAPER_END = 0x20
PAPER_SENSOR_END = 0x60


def epson_answer(n: int, mode: str) -> bytes:
    """The byte an Epson TM answers to DLE EOT ``n`` in ``mode``."""
    problem = mode in ("paper_out", "cover_open")
    if n == 1:
        return bytes([ONLINE | (OFFLINE if problem else 0)])
    if n == 2:
        cause = PAPER_END if mode == "paper_out" else COVER_OPEN if mode == "cover_open" else 0
        return bytes([ONLINE | cause])
    if n == 3:
        return bytes([ONLINE])
    if n == 4:
        return bytes([ONLINE | (PAPER_SENSOR_END if mode == "paper_out" else 0)])
    return b""


class Printer:
    def __init__(self, mode: str = "record", drop_after: int = 0) -> None:
        self.mode = mode
        self.drop_after = drop_after
        self.connections: list[bytearray] = []
        self.finished = 0  # connections whose serving ended (the till closed it, or the printer did)
        self.lock = threading.Lock()
        self.port = 0
        self.sock: socket.socket | None = None
        self.start()

    # --- on / off ---

    def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(8)
        self.port = sock.getsockname()[1]
        self.sock = sock
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def stop(self) -> None:
        """Switch the printer off: nothing listens on the port any more."""
        if self.sock is not None:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            self.sock.close()
            self.sock = None

    def address(self, **extra: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"timeout": "1", **extra}.items())
        return f"tcp://127.0.0.1:{self.port}?{query}"

    # --- what was printed ---

    def jobs(self) -> list[bytes]:
        """Each connection's bytes without the status questions (DLE EOT n): the job it carried."""
        with self.lock:
            raw = [bytes(c) for c in self.connections]
        out = []
        for data in raw:
            while data[:2] == DLE_EOT and len(data) >= 3:
                data = data[3:]
            while data[-3:-1] == DLE_EOT:
                data = data[:-3]
            if data:
                out.append(data)
        return out

    def wait_for(self, count: int, seconds: float = 10.0) -> list[bytes]:
        """The jobs once ``count`` have come and their bytes have all arrived: each connection closed by the
        till, or nothing more received for 0.3 s (a till's ``sendall`` returns when the bytes are in the
        kernel's buffers, before this thread has read them all: on a loaded machine the last job was cut)."""
        deadline = time.monotonic() + seconds
        last: list[bytes] = []
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            jobs = self.jobs()
            with self.lock:
                all_closed = self.finished == len(self.connections)
            if jobs != last:
                last, quiet_since = jobs, time.monotonic()
            elif len(jobs) >= count and (all_closed or time.monotonic() - quiet_since >= 0.3):
                return jobs
            time.sleep(0.02)
        return self.jobs()

    # --- serving ---

    def _accept(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve_then_count, args=(conn,), daemon=True).start()

    def _serve_then_count(self, conn: socket.socket) -> None:
        try:
            self._serve(conn)
        finally:
            with self.lock:
                self.finished += 1

    def _serve(self, conn: socket.socket) -> None:
        received = bytearray()
        with self.lock:
            self.connections.append(received)
        mode = self.mode
        answered = 0
        conn.settimeout(30)
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                with self.lock:
                    received += chunk
                if mode == "drop" and len(received) >= self.drop_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return  # closed with data unread: the client sees a reset
                questions = _questions(bytes(received))
                for n in questions[answered:]:
                    answered += 1
                    if mode == "silent" or (mode == "hang" and answered > 1):
                        continue
                    answer = b"HELLO\r\n" if mode == "garbage" else epson_answer(n, mode)
                    try:
                        conn.sendall(answer)
                    except OSError:
                        return


def _questions(data: bytes) -> list[int]:
    """The status questions asked so far: those before the job and those after it (a job's raster bytes
    may happen to contain DLE EOT; only questions at the ends count)."""
    head = []
    i = 0
    while data[i : i + 2] == DLE_EOT and i + 2 < len(data):
        head.append(data[i + 2])
        i += 3
    tail = []
    j = len(data)
    while j - 3 >= i and data[j - 3 : j - 1] == DLE_EOT:
        tail.insert(0, data[j - 1])
        j -= 3
    return head + tail
