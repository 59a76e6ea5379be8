"""Loopback TCP printers on 127.0.0.1: one that prints (records), one that drops halfway, one that never
answers, one that answers garbage, and an address where nothing listens.  Every test is bounded in time."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from receipts.connection import STATUS_PRINTER, print_receipt, send
from receipts.decode import decode
from receipts.errors import PrinterDropped, PrinterOffline, PrinterRefused, PrinterTimeout
from receipts.jsonio import load_document
from receipts.printers import parse_printer
from receipts.render import render_escpos_with_preview
from resources import demo_path

READY = b"\x12"  # DLE EOT 1 answer: online, no error


class LoopbackPrinter:
    """A fake ESC/POS printer; ``mode``: record, drop, silent, garbage or offline (paper out)."""

    def __init__(self, mode: str = "record", drop_after: int = 0) -> None:
        self.mode = mode
        self.drop_after = drop_after
        self.received = bytearray()
        self.closed_by_client = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.sock.settimeout(5)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        conn.settimeout(5)
        deadline = time.monotonic() + 10
        with conn:
            while time.monotonic() < deadline:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    self.closed_by_client.set()
                    return
                before = len(self.received)
                self.received += chunk
                if self.mode == "drop" and len(self.received) >= self.drop_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    return  # closes with data unread: the client sees a reset
                window = bytes(self.received[max(0, before - 2) :])
                for _ in range(window.count(STATUS_PRINTER)):
                    if self.mode in ("record", "drop"):
                        conn.sendall(READY)
                    elif self.mode == "garbage":
                        conn.sendall(b"HELLO\r\n")
                    elif self.mode == "offline":
                        conn.sendall(b"\x1a")  # status: offline
                if self.mode == "offline" and b"\x10\x04\x02" in window:
                    conn.sendall(b"\x32")  # offline cause: paper end

    def address(self, **extra: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in {"timeout": "1", **extra}.items())
        return f"tcp://127.0.0.1:{self.port}?{query}"

    def close(self) -> None:
        self.sock.close()
        self.thread.join(timeout=5)


@contextmanager
def printer(mode: str = "record", drop_after: int = 0) -> Iterator[LoopbackPrinter]:
    p = LoopbackPrinter(mode, drop_after)
    try:
        yield p
    finally:
        p.close()


@pytest.fixture(scope="module")
def sample_job() -> tuple[bytes, object]:
    doc = load_document(demo_path("sample_receipt.json"))
    return render_escpos_with_preview(doc, parse_printer("tcp://127.0.0.1:1").settings)


def test_recording_printer_gets_the_whole_job_between_two_status_checks(
    sample_job: tuple[bytes, object],
) -> None:
    job, preview = sample_job
    with printer("record") as p:
        start = time.monotonic()
        send(parse_printer(p.address()), job)
        assert p.closed_by_client.wait(5)
        assert time.monotonic() - start < 5
    assert bytes(p.received) == STATUS_PRINTER + job + STATUS_PRINTER
    image = decode(job).image()
    assert image is not None and image.tobytes() == preview.tobytes()  # type: ignore[attr-defined]


def test_print_receipt_renders_then_sends() -> None:
    doc = load_document(demo_path("sample_receipt.json"))
    with printer("record") as p:
        print_receipt(parse_printer(p.address(paper="58")), doc)
        p.closed_by_client.wait(5)
    job = bytes(p.received)[3:-3]
    image = decode(job).image()
    assert image is not None and image.width == 384


def test_printer_that_drops_halfway_gives_dropped(sample_job: tuple[bytes, object]) -> None:
    job, _ = sample_job
    with printer("drop", drop_after=len(job) // 2) as p:
        start = time.monotonic()
        with pytest.raises(PrinterDropped) as info:
            send(parse_printer(p.address()), job)
        assert time.monotonic() - start < 5
    assert info.value.started
    assert "127.0.0.1" in info.value.message


def test_printer_that_never_answers_times_out_and_gets_no_job(sample_job: tuple[bytes, object]) -> None:
    job, _ = sample_job
    with printer("silent") as p:
        start = time.monotonic()
        with pytest.raises(PrinterTimeout) as info:
            send(parse_printer(p.address(timeout="0.5")), job)
        elapsed = time.monotonic() - start
        time.sleep(0.1)
    assert 0.4 < elapsed < 3
    assert not info.value.started
    assert bytes(p.received) == STATUS_PRINTER  # nothing of the receipt: nothing printed half


def test_device_that_answers_garbage_is_refused_before_the_job(sample_job: tuple[bytes, object]) -> None:
    job, _ = sample_job
    with printer("garbage") as p:
        with pytest.raises(PrinterRefused) as info:
            send(parse_printer(p.address()), job)
        time.sleep(0.1)
    assert bytes(p.received) == STATUS_PRINTER
    assert "status" in info.value.message or "สถานะ" in info.value.message


def test_printer_out_of_paper_is_refused(sample_job: tuple[bytes, object]) -> None:
    job, _ = sample_job
    with printer("offline") as p:
        with pytest.raises(PrinterRefused) as info:
            send(parse_printer(p.address()), job)
    assert info.value.msgid == "The printer at {address} is out of paper"
    assert job not in bytes(p.received)


def test_nothing_listening_is_offline(sample_job: tuple[bytes, object]) -> None:
    job, _ = sample_job
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    start = time.monotonic()
    with pytest.raises(PrinterOffline) as info:
        send(parse_printer(f"tcp://127.0.0.1:{port}?timeout=1"), job)
    assert time.monotonic() - start < 3
    assert str(port) in info.value.message


def test_status_check_can_be_switched_off(sample_job: tuple[bytes, object]) -> None:
    job, _ = sample_job
    with printer("silent") as p:
        send(parse_printer(p.address(status="off")), job)
        deadline = time.monotonic() + 5
        while len(p.received) < len(job) and time.monotonic() < deadline:
            time.sleep(0.01)
    assert bytes(p.received) == job
