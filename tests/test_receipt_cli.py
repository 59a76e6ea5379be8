"""``pos-app receipt render`` and ``pos-app printer test`` end to end."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from PIL import Image

from pos_app.cli import main
from receipts.decode import decode
from resources import demo_path

SAMPLE = str(demo_path("sample_receipt.json"))


@pytest.mark.parametrize("paper", ["58", "80"])
def test_render_png_pdf_bin_and_the_bin_decodes_to_the_png(tmp_path: Path, paper: str) -> None:
    for ext in ("png", "pdf", "bin"):
        assert main(["receipt", "render", SAMPLE, "--out", str(tmp_path / f"r.{ext}"), "--paper", paper]) == 0
    png = Image.open(tmp_path / "r.png").convert("1")
    raster = decode((tmp_path / "r.bin").read_bytes()).image()
    assert raster is not None and raster.tobytes() == png.tobytes()
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_render_of_a_bad_document_prints_a_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"blocks": [{"type": "text"}]}', encoding="utf-8")
    assert main(["--lang", "en", "receipt", "render", str(bad), "--out", str(tmp_path / "r.png")]) == 2
    err = capsys.readouterr().err
    assert "Block 1" in err and "Traceback" not in err
    assert not (tmp_path / "r.png").exists()
    assert main(["receipt", "render", SAMPLE, "--out", str(tmp_path / "r.gif")]) == 2
    assert main(["receipt", "render", str(tmp_path / "missing.json"), "--out", str(tmp_path / "r.png")]) == 2


def test_printer_test_prints_the_self_test_on_a_loopback_printer(capsys: pytest.CaptureFixture[str]) -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(5)
    received = bytearray()

    def serve() -> None:
        conn, _ = server.accept()
        conn.settimeout(5)
        with conn:
            while chunk := conn.recv(65536):
                received.extend(chunk)
                if received.endswith(b"\x10\x04\x01"):
                    conn.sendall(b"\x12")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    assert main(["printer", "test", f"tcp://127.0.0.1:{port}?timeout=2", "--paper", "58"]) == 0
    thread.join(5)
    server.close()
    image = decode(bytes(received)).image()
    assert image is not None and image.width == 384 and image.height > 500
    assert "127.0.0.1" in capsys.readouterr().out


def test_printer_test_with_a_bad_address_or_nobody_there(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "test", "nonsense"]) == 2
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    assert main(["printer", "test", f"tcp://127.0.0.1:{port}?timeout=1"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 2


def test_printer_test_to_a_file_in_text_mode(tmp_path: Path) -> None:
    out = tmp_path / "job.bin"
    assert main(["printer", "test", f"file:{out}", "--codepage", "22"]) == 0
    decoded = decode(out.read_bytes())
    assert b"\x1bt\x16" in decoded.commands
    assert "ที่น้ำกุ้งปั้นญ้าฐู" in decoded.text.decode("cp874")
