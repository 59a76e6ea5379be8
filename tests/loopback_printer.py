"""The tests' loopback Epson-like network printer as a program, for walking the app by hand:

    python -m tests.loopback_printer --port 9100 --out shots/printed

It answers DLE EOT status as an Epson TM does and writes each job it receives (one connection, the status
questions taken off) to ``OUT/job_NNN.bin``, numbering on from the files already there, so it can be
stopped and started again between jobs.  Stop it with Ctrl+C (or by ending the process).
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path

from tests.loopback import DLE_EOT, Printer


def strip_status(data: bytes) -> bytes:
    """A connection's bytes without the status questions (DLE EOT n) before and after the job."""
    while data[:2] == DLE_EOT and len(data) >= 3:
        data = data[3:]
    while data[-3:-1] == DLE_EOT:
        data = data[:-3]
    return data


def serve(port: int, out: Path, mode: str = "record") -> None:
    out.mkdir(parents=True, exist_ok=True)
    first = len(list(out.glob("job_*.bin")))
    printer = Printer.__new__(Printer)
    printer.mode, printer.drop_after, printer.connections = mode, 0, []
    printer.lock = threading.Lock()
    printer.port, printer.sock = port, None
    printer.start()
    print(f"printer listening on 127.0.0.1:{printer.port}, writing to {out}", flush=True)
    seen: dict[int, tuple[int, float]] = {}  # connection -> (bytes so far, when that last changed)
    done: set[int] = set()
    written = 0
    try:
        while True:
            with printer.lock:
                raw = [bytes(c) for c in printer.connections]
            now = time.monotonic()
            for n, data in enumerate(raw):
                if n in done:
                    continue
                size, since = seen.get(n, (-1, now))
                if size != len(data):
                    seen[n] = (len(data), now)
                    continue
                if now - since < 1.0:  # still arriving
                    continue
                done.add(n)
                job = strip_status(data)
                if job:
                    written += 1
                    path = out / f"job_{first + written:03d}.bin"
                    path.write_bytes(job)
                    print(f"received {path.name}: {len(job)} bytes", flush=True)
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        printer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--out", type=Path, default=Path("printed"))
    parser.add_argument("--mode", default="record")
    args = parser.parse_args()
    serve(args.port, args.out, args.mode)


if __name__ == "__main__":
    main()
