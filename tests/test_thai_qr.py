"""PromptPay QR image and the printable card, through the command line; the QR is read back by sampling
its modules and comparing them with the QR of the payload, and the payload with the decoder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pos_app.cli import main
from pos_app.thai import decode_promptpay, validate_promptpay_id
from pos_app.thai.qr import QUIET_ZONE, masked_id, promptpay_card, promptpay_qr_image, qr_matrix

DONE_WHEN = "00020101021229370016A000000677010111011300668123456785802TH530376454044.2263045D49"


def sample_modules(image: Image.Image, left: int, top: int, box: int, size: int) -> list[list[bool]]:
    grey = image.convert("L")
    return [
        [grey.getpixel((left + c * box + box // 2, top + r * box + box // 2)) < 128 for c in range(size)]  # type: ignore[operator]
        for r in range(size)
    ]


def test_qr_image_pixels_are_the_payload_modules() -> None:
    matrix = qr_matrix(DONE_WHEN)
    image = promptpay_qr_image(DONE_WHEN, box_size=6)
    assert image.size == (len(matrix) * 6, len(matrix) * 6)
    assert sample_modules(image, 0, 0, 6, len(matrix)) == matrix
    # the quiet zone is white, the finder pattern's corner is dark
    assert not any(matrix[0]) and matrix[QUIET_ZONE][QUIET_ZONE]


def test_card_carries_the_qr_of_its_payload() -> None:
    card = promptpay_card("081-234-5678", 12050, name="กลุ่มกะปิคลองด่านชุมชน 3")
    decoded = decode_promptpay(card.payload)
    assert decoded.crc_ok and decoded.satang == 12050 and decoded.target == "0066812345678"
    left, top, box = card.qr_box
    matrix = qr_matrix(card.payload)
    assert sample_modules(card.image, left, top, box, len(matrix)) == matrix


def test_static_card_and_masked_national_id() -> None:
    nid = "3101201234569"
    card = promptpay_card(nid)
    assert decode_promptpay(card.payload).satang is None
    assert decode_promptpay(card.payload).tags["01"] == "11"
    assert masked_id(validate_promptpay_id(nid)) == "x-xxxx-xxxx4-56-9"
    assert masked_id(validate_promptpay_id("0812345678")) == "081-234-5678"
    assert masked_id(validate_promptpay_id("004999000288505")) == "xxxxxxxxxxx8505"


def test_cli_writes_the_done_when_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "qr.png"
    assert main(["promptpay", "0812345678", "--amount", "4.22", "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == DONE_WHEN
    with Image.open(out) as png:
        png.load()
        assert png.format == "PNG"
        payload = png.text["promptpay"]  # type: ignore[attr-defined]
        assert payload == DONE_WHEN
        card = promptpay_card("0812345678", 422)
        left, top, box = card.qr_box
        matrix = qr_matrix(DONE_WHEN)
        assert sample_modules(png, left, top, box, len(matrix)) == matrix
    assert decode_promptpay(payload).satang == 422


def test_cli_with_shop_name_and_static(tmp_path: Path) -> None:
    out = tmp_path / "stall.png"
    assert main(["promptpay", "+66 81 234 5678", "--name", "วิสาหกิจชุมชนบางหัวเสือ", "--out", str(out)]) == 0
    with Image.open(out) as png:
        png.load()
        assert decode_promptpay(png.text["promptpay"]).dynamic is False  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["promptpay", "12345", "--out", "x.png"], "มี 5 หลัก"),
        (["promptpay", "1111111111111", "--out", "x.png"], "หลักตรวจสอบ"),
        (["promptpay", "0812345678", "--amount", "0", "--out", "x.png"], "มากกว่าศูนย์"),
        (["promptpay", "0812345678", "--amount", "-5", "--out", "x.png"], "มากกว่าศูนย์"),
        (["promptpay", "0812345678", "--amount", "สิบบาท", "--out", "x.png"], "ไม่ใช่จำนวนเงิน"),
        (["promptpay", "0812345678", "--out", "x.jpg"], ".png"),
    ],
)
def test_cli_bad_input_exits_2_in_thai(
    argv: list[str],
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("ผิดพลาด:") and words in err
    assert not list(tmp_path.iterdir())  # nothing written


def test_cli_unwritable_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["promptpay", "0812345678", "--out", str(tmp_path / "no" / "such" / "dir.png")]) == 2
    assert "บันทึก" in capsys.readouterr().err
