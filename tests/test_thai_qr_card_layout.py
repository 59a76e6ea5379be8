"""The printable PromptPay card drawn again, independently, from its design: every line's text (Thai, worked
out by hand from the catalogue), size, weight, colour and gap, drawn straight with Pillow and the bundled
Sarabun, and compared with the card pixel for pixel (the QR square blanked: zbar reads it in
tests/test_thai_qr_decoded.py).

The design, as the card is specified (pos_app/thai/qr.py docstring and the stall's mock-up):
- 800 px wide; a navy band rows 0–110 with "พร้อมเพย์" in white Sarabun Bold 56 centred on (400, 55);
- lines centred on x = 400, each line's top (ascender) at y, the next line ``gap`` px under its text box;
- the shop name (Bold, 52 px, shrunk 2 px at a time to fit 704 px, never below 18 px), gap 16, from y = 140;
- the QR, 17 px a module (41 modules: 697 px) at x = 51; 8 px under it:
- the amount (Bold 64, ink 20,20,20, gap 12) and in Thai its words in brackets (Regular 30, grey 90,90,90,
  gap 12), or, for a static QR, "สแกนแล้วใส่จำนวนเงิน" (Bold 40, ink, gap 12);
- "พร้อมเพย์ <id>" and "สแกนจ่ายด้วยแอปธนาคารใดก็ได้" (Regular 30, grey, gap 10);
- 24 px of margin, then a navy outline 3 px wide round the whole card.
"""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw, ImageFont

from pos_app.money import Money
from pos_app.thai import validate_promptpay_id
from pos_app.thai.qr import promptpay_card
from resources import font_path
from resources.i18n import set_language

NAVY = (0, 61, 106)
INK = (20, 20, 20)
GREY = (90, 90, 90)
QR_SIDE = 41 * 17
Line = tuple[str, int, bool, tuple[int, int, int], int]  # text, size, bold, colour, gap


def sarabun(size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path("Bold" if bold else "Regular")), size,
                              layout_engine=ImageFont.Layout.RAQM)


def draw_lines(draw: ImageDraw.ImageDraw, y: int, lines: list[Line]) -> int:
    for text, size, bold, colour, gap in lines:
        font = sarabun(size, bold)
        draw.text((400, y), text, font=font, fill=colour, anchor="ma")
        y = int(draw.textbbox((400, y), text, font=font, anchor="ma")[3]) + gap
    return y


def drawn_by_hand(above: list[Line], below: list[Line]) -> tuple[Image.Image, int]:
    """The card as designed, and the top of its QR square (left blank here)."""
    canvas = Image.new("RGB", (800, 2000), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, 799, 110), fill=NAVY)
    draw.text((400, 55), "พร้อมเพย์", font=sarabun(56, True), fill=(255, 255, 255), anchor="mm")
    qr_top = draw_lines(draw, 140, above)
    end = draw_lines(draw, qr_top + QR_SIDE + 8, below)
    card = canvas.crop((0, 0, 800, end + 24))
    ImageDraw.Draw(card).rectangle((0, 0, 799, card.height - 1), outline=NAVY, width=3)
    return card, qr_top


def same_but_the_qr(card: Image.Image, expected: Image.Image, qr_top: int) -> None:
    assert card.size == expected.size
    blank = (51, qr_top, 51 + QR_SIDE, qr_top + QR_SIDE)
    mine, theirs = card.copy(), expected.copy()
    for image in (mine, theirs):
        ImageDraw.Draw(image).rectangle(blank, fill=(255, 0, 255))
    assert ImageChops.difference(mine.convert("RGB"), theirs).getbbox() is None


def id_lines(shown_id: str) -> list[Line]:
    return [(f"พร้อมเพย์ {shown_id}", 30, False, GREY, 10), ("สแกนจ่ายด้วยแอปธนาคารใดก็ได้", 30, False, GREY, 10)]


def test_a_card_with_an_amount_is_drawn_as_designed() -> None:
    card = promptpay_card("0812345678", Money(422))
    expected, qr_top = drawn_by_hand([], [("฿4.22", 64, True, INK, 12),
                                          ("(สี่บาทยี่สิบสองสตางค์)", 30, False, GREY, 12),
                                          *id_lines("081-234-5678")])
    assert qr_top == 140 and card.qr_box == (51, 140, 17)
    assert card.image.getpixel((400, 110)) == NAVY and card.image.getpixel((400, 111)) == (255, 255, 255)
    same_but_the_qr(card.image, expected, qr_top)


def test_a_card_in_english_has_no_words_line() -> None:
    set_language("en")
    card = promptpay_card("0812345678", 12050)
    lines: list[Line] = [("฿120.50", 64, True, INK, 12), ("PromptPay 081-234-5678", 30, False, GREY, 10),
                         ("Scan to pay with any Thai bank app", 30, False, GREY, 10)]
    canvas = Image.new("RGB", (800, 2000), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, 799, 110), fill=NAVY)
    draw.text((400, 55), "PromptPay", font=sarabun(56, True), fill=(255, 255, 255), anchor="mm")
    end = draw_lines(draw, 140 + QR_SIDE + 8, lines)
    expected = canvas.crop((0, 0, 800, end + 24))
    ImageDraw.Draw(expected).rectangle((0, 0, 799, expected.height - 1), outline=NAVY, width=3)
    same_but_the_qr(card.image, expected, 140)


def test_a_static_card_with_a_shop_name_and_a_masked_national_id() -> None:
    card = promptpay_card("3101201234569", name="ร้านป้าแดง")
    expected, qr_top = drawn_by_hand([("ร้านป้าแดง", 52, True, INK, 16)],
                                     [("สแกนแล้วใส่จำนวนเงิน", 40, True, INK, 12), *id_lines("x-xxxx-xxxx4-56-9")])
    assert card.qr_box == (51, qr_top, 17) and qr_top > 140
    same_but_the_qr(card.image, expected, qr_top)


LONG = "วิสาหกิจชุมชนบางหัวเสือ ตำบลบางหัวเสือ อำเภอพระประแดง จังหวัดสมุทรปราการ"


def test_a_long_shop_name_shrinks_two_pixels_at_a_time_to_the_largest_size_that_fits() -> None:
    # Measured with Pillow alone: at 20 px the name is 685 px wide, at 22 px 753 px (a 3 px step would end at 19)
    assert sarabun(20, True).getlength(LONG) <= 704 < sarabun(22, True).getlength(LONG)
    card = promptpay_card("0801234567", name=LONG)
    expected, qr_top = drawn_by_hand([(LONG, 20, True, INK, 16)],
                                     [("สแกนแล้วใส่จำนวนเงิน", 40, True, INK, 12), *id_lines("080-123-4567")])
    assert card.qr_box == (51, qr_top, 17)
    same_but_the_qr(card.image, expected, qr_top)


def test_a_name_too_long_for_any_size_stops_at_18_pixels() -> None:
    name = " ".join([LONG] * 3)
    assert sarabun(18, True).getlength(name) > 704  # it does not fit even at the smallest size
    card = promptpay_card("0801234567", name=name)
    expected, qr_top = drawn_by_hand([(name, 18, True, INK, 16)],
                                     [("สแกนแล้วใส่จำนวนเงิน", 40, True, INK, 12), *id_lines("080-123-4567")])
    same_but_the_qr(card.image, expected, qr_top)


def test_a_card_for_an_id_already_checked() -> None:
    card = promptpay_card(validate_promptpay_id("081-234-5678"), 422)
    assert card.payload == "00020101021229370016A000000677010111011300668123456785802TH530376454044.2263045D49"
    assert card.qr_box == (51, 140, 17)
