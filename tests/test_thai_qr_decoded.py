"""PromptPay QR pictures read back by an independent decoder (zbar's ``zbarimg``, Debian zbar-tools), and the
card's layout checked by hand-worked figures.

Expected payloads are the vectors published with dtinth/promptpay-qr (see notes/field-lessons.md) and the
issue's own 4.22-baht vector; the QR's error-correction level is read from its format bits (ISO/IEC 18004
§7.9), not asked of the library that drew it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from pos_app.money import Money
from pos_app.thai.qr import promptpay_card, promptpay_qr_image, qr_matrix
from resources.i18n import set_language

STATIC_MOBILE = "00020101021129370016A000000677010111011300668012345675802TH530376463046197"  # published
STATIC_NATIONAL = "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"  # published
DYNAMIC_422 = "00020101021229370016A000000677010111011300668123456785802TH530376454044.2263045D49"
NAVY = (0, 61, 106)  # the PromptPay band and outline


def zbar(image: Image.Image, tmp_path: Path) -> str:
    exe = shutil.which("zbarimg")
    assert exe, "zbarimg is missing: python3 dev.py test installs Debian's zbar-tools"
    path = tmp_path / "read.png"
    image.save(path)
    out = subprocess.run([exe, "--raw", "-q", str(path)], capture_output=True, text=True, check=False)
    return out.stdout.strip()


def ec_level(matrix: list[list[bool]], quiet: int = 4) -> str:
    """The error-correction level from the format bits beside the top-left finder (mask 101010000010010)."""
    cells = [(8, c) for c in (0, 1, 2, 3, 4, 5, 7, 8)] + [(r, 8) for r in (7, 5, 4, 3, 2, 1, 0)]
    bits = 0
    for r, c in cells:
        bits = (bits << 1) | int(matrix[quiet + r][quiet + c])
    bits ^= 0b101010000010010
    return {0b01: "L", 0b00: "M", 0b11: "Q", 0b10: "H"}[bits >> 13]


def test_the_bare_qr_reads_back_and_is_drawn_as_stated(tmp_path: Path) -> None:
    image = promptpay_qr_image(STATIC_MOBILE)
    assert zbar(image, tmp_path) == STATIC_MOBILE
    # 74 characters at level M fit QR version 4 (33 modules) + 4 quiet modules a side = 41; 10 px a module
    assert (image.mode, image.size) == ("L", (410, 410))
    assert sorted(set(image.getdata())) == [0, 255]  # pure black on pure white
    assert all(image.getpixel((x, y)) == 255 for x in range(40) for y in range(0, 410, 7))  # quiet zone
    assert image.getpixel((40, 40)) == 0 and image.getpixel((49, 49)) == 0  # the finder's corner module
    small = promptpay_qr_image(STATIC_MOBILE, box_size=3)
    assert small.size == (123, 123) and zbar(small, tmp_path) == STATIC_MOBILE


@pytest.mark.parametrize("payload", [STATIC_MOBILE, STATIC_NATIONAL, DYNAMIC_422])
def test_the_qr_uses_error_correction_m(payload: str, tmp_path: Path) -> None:
    matrix = qr_matrix(payload)
    assert len(matrix) == 41
    assert ec_level(matrix) == "M"
    assert not any(matrix[0]) and not any(row[0] for row in matrix)
    assert zbar(promptpay_qr_image(payload), tmp_path) == payload


def test_a_long_payload_grows_the_qr() -> None:
    assert len(qr_matrix("PROMPTPAY " * 20)) > 41


def ink_bands(card: Image.Image, top: int, bottom: int) -> list[tuple[int, int]]:
    """Runs of pixel rows between ``top`` and ``bottom`` holding ink (darker than 200), inside the outline."""
    grey = card.convert("L")
    bands: list[tuple[int, int]] = []
    start = None
    for y in range(top, bottom):
        inked = any(grey.getpixel((x, y)) < 200 for x in range(8, card.width - 8))  # type: ignore[operator]
        if inked and start is None:
            start = y
        if not inked and start is not None:
            bands.append((start, y))
            start = None
    if start is not None:
        bands.append((start, bottom))
    merged: list[tuple[int, int]] = []
    for band in bands:  # a tone mark floats a pixel or two above its line: the same line
        if merged and band[0] - merged[-1][1] <= 3:
            merged[-1] = (merged[-1][0], band[1])
        else:
            merged.append(band)
    return merged


def ink_columns(card: Image.Image, top: int, bottom: int) -> tuple[int, int]:
    grey = card.convert("L")
    xs = [x for x in range(8, card.width - 8) for y in range(top, bottom, 2) if grey.getpixel((x, y)) < 200]  # type: ignore[operator]
    return min(xs), max(xs)


def test_card_with_an_amount(tmp_path: Path) -> None:
    card = promptpay_card("0812345678", Money(422))
    assert card.payload == DYNAMIC_422
    assert zbar(card.image, tmp_path) == DYNAMIC_422
    # 800 px wide, 48 px margins: 704 px for 41 modules → 17 px a module (697 px), left (800 − 697) // 2 = 51;
    # the QR starts at y = 140 below the 110 px band when there is no shop name
    assert card.image.width == 800 and card.qr_box == (51, 140, 17)
    assert card.image.getpixel((20, 20)) == NAVY and card.image.getpixel((780, 100)) == NAVY
    assert card.image.getpixel((400, 111)) == (255, 255, 255)
    h = card.image.height
    for x, y in [(0, h // 2), (2, h // 2), (799, h // 2), (797, h // 2), (400, h - 1), (400, h - 3)]:
        assert card.image.getpixel((x, y)) == NAVY
    assert card.image.getpixel((3, h // 2)) == (255, 255, 255)
    below = ink_bands(card.image, 140 + 697, h - 3)
    assert len(below) == 4  # the amount, the amount in Thai words, the id, "scan to pay"
    assert below[0][0] - (140 + 697) >= 8  # a gap between the QR and the amount
    assert h - below[-1][1] >= 24  # a margin under the last line
    for top, bottom in below:
        left, right = ink_columns(card.image, top, bottom)
        assert left >= 48 and right <= 752
        assert abs((left + right) / 2 - 400) <= 6  # centred
    heights = [bottom - top for top, bottom in below]
    assert heights[0] == max(heights)  # the amount is the biggest line


def test_card_in_english_has_no_amount_in_words(tmp_path: Path) -> None:
    set_language("en")
    card = promptpay_card("0812345678", 422)
    assert zbar(card.image, tmp_path) == DYNAMIC_422
    assert len(ink_bands(card.image, 140 + 697, card.image.height - 3)) == 3


def test_static_card_with_a_long_shop_name(tmp_path: Path) -> None:
    name = "วิสาหกิจชุมชนบางหัวเสือ ตำบลบางหัวเสือ อำเภอพระประแดง จังหวัดสมุทรปราการ"
    card = promptpay_card("080-123-4567", name=f"  {name}  ")
    assert card.payload == STATIC_MOBILE and zbar(card.image, tmp_path) == STATIC_MOBILE
    left, top, box = card.qr_box
    assert (left, box) == (51, 17) and top > 140
    above = ink_bands(card.image, 112, top)
    assert len(above) == 1  # the shop name, shrunk to fit the card
    assert above[0][1] - above[0][0] >= 18  # but still a readable size (no smaller than 18 px)
    name_left, name_right = ink_columns(card.image, *above[0])
    assert name_left >= 48 and name_right <= 752
    assert top - above[0][1] >= 8
    below = ink_bands(card.image, top + 41 * box, card.image.height - 3)
    assert len(below) == 3  # "scan, then type the amount", the id, "scan to pay"


def test_a_blank_name_is_no_name() -> None:
    assert promptpay_card("0812345678", name="   ").qr_box == (51, 140, 17)


def test_save_png_keeps_the_payload_and_300_dpi(tmp_path: Path) -> None:
    card = promptpay_card("0801234567")
    out = card.save_png(tmp_path / "card.jpg")  # the name does not choose the format: always PNG
    assert out == tmp_path / "card.jpg"
    with Image.open(out) as png:
        png.load()
        assert png.format == "PNG"
        assert png.text["promptpay"] == STATIC_MOBILE  # type: ignore[attr-defined]
        assert [round(v) for v in png.info["dpi"]] == [300, 300]
        assert zbar(png.convert("RGB"), tmp_path) == STATIC_MOBILE
