"""PromptPay QR images: the bare QR for the till screen, and a printable card for the stall.

- ``promptpay_qr_image(payload)`` → a Pillow image (mode ``"L"``, black on white) of the payload, made with
  ``qrcode`` (error correction M, a quiet zone of 4 modules).  ``qr_matrix(payload)`` is the same QR as rows
  of booleans (``True`` = dark), for checking a picture against it.
- ``promptpay_card(target, satang=None, name=None)`` → :class:`QrCard`: a white card with the PromptPay
  band, the shop name (optional), the QR, the amount (and in the Thai UI the amount in words) or, for a
  static QR, a line asking the customer to type the amount, and the id the money goes to (a national id or
  e-wallet id is masked but for its last four digits; a mobile number is shown as the stall's contact).
  Thai is drawn with the bundled Sarabun through Pillow's raqm layout, which shapes stacked marks.
  ``QrCard.save_png(path)`` writes it with the payload in a ``promptpay`` PNG text chunk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from pos_app.money import Money
from pos_app.thai.promptpay import PromptPayId, promptpay_payload, validate_promptpay_id
from pos_app.thai.words import baht_words
from resources import font_path
from resources.i18n import _, language

QUIET_ZONE = 4
CARD_WIDTH = 800
BAND = (0, 61, 106)  # PromptPay navy
INK = (20, 20, 20)
GREY = (90, 90, 90)


def _qr(payload: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE, box_size=1)
    code.add_data(payload)
    code.make(fit=True)
    return code


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR of ``payload`` as rows of modules (``True`` = dark), quiet zone included."""
    return [list(row) for row in _qr(payload).get_matrix()]


def promptpay_qr_image(payload: str, *, box_size: int = 10) -> Image.Image:
    """The QR of ``payload``, ``box_size`` pixels a module, black on white, quiet zone included."""
    matrix = qr_matrix(payload)
    size = len(matrix)
    small = Image.new("L", (size, size), 255)
    small.putdata([0 if dark else 255 for row in matrix for dark in row])
    return small.resize((size * box_size, size * box_size), Image.Resampling.NEAREST)


@dataclass(frozen=True)
class QrCard:
    """A printable card: the image, the payload its QR carries, and where the QR sits (left, top, box)."""

    image: Image.Image
    payload: str
    qr_box: tuple[int, int, int]  # left, top, pixels a module

    def save_png(self, path: str | Path) -> Path:
        info = PngInfo()
        info.add_text("promptpay", self.payload)
        out = Path(path)
        self.image.save(out, format="PNG", pnginfo=info, dpi=(300, 300))
        return out


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    path = font_path("Bold" if bold else "Regular")
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _fitting_font(
    draw: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool
) -> ImageFont.FreeTypeFont:
    font = _font(size, bold)
    while size > 18 and draw.textlength(text, font=font) > width:
        size -= 2
        font = _font(size, bold)
    return font


def _line(
    draw: ImageDraw.ImageDraw,
    y: int,
    text: str,
    font: ImageFont.FreeTypeFont,
    fill: str | tuple[int, int, int],
    gap: int,
) -> int:
    """Draw ``text`` centred with its top at ``y``; return the ``y`` of the next line."""
    centre = CARD_WIDTH // 2
    draw.text((centre, y), text, font=font, fill=fill, anchor="ma")
    return int(draw.textbbox((centre, y), text, font=font, anchor="ma")[3]) + gap


def masked_id(pid: PromptPayId) -> str:
    """The id as printed on a card: a mobile number in full, other ids masked but for the last four digits."""
    if pid.kind == "mobile":
        return pid.display
    shown = pid.display
    digits_seen = 0
    out = []
    total = sum(c.isdigit() for c in shown)
    for c in shown:
        if c.isdigit():
            digits_seen += 1
            out.append(c if digits_seen > total - 4 else "x")
        else:
            out.append(c)
    return "".join(out)


def promptpay_card(
    target: str | PromptPayId, satang: int | Money | None = None, name: str | None = None
) -> QrCard:
    """A printable PromptPay card for the stall (see the module docstring); the id is checked strictly."""
    pid = target if isinstance(target, PromptPayId) else validate_promptpay_id(target)
    payload = promptpay_payload(pid, satang)
    amount = satang.satang if isinstance(satang, Money) else satang
    margin = 48
    inner = CARD_WIDTH - 2 * margin
    box = inner // len(qr_matrix(payload))
    qr = promptpay_qr_image(payload, box_size=box)

    # Lay the card out on a tall canvas, then crop to what was drawn.
    card = Image.new("RGB", (CARD_WIDTH, 2000), "white")
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, CARD_WIDTH, 110), fill=BAND)
    draw.text((CARD_WIDTH // 2, 55), _("PromptPay"), font=_font(56, bold=True), fill="white", anchor="mm")
    y = 140
    if name and name.strip():
        shop = name.strip()
        y = _line(draw, y, shop, _fitting_font(draw, shop, 52, inner, bold=True), INK, 16)
    left = (CARD_WIDTH - qr.width) // 2
    card.paste(qr.convert("RGB"), (left, y))
    qr_box = (left, y, box)
    y += qr.height + 8
    if amount is not None:
        y = _line(draw, y, Money(amount).format(), _font(64, bold=True), INK, 12)
        if language() == "th":
            words = f"({baht_words(amount)})"
            y = _line(draw, y, words, _fitting_font(draw, words, 30, inner, bold=False), GREY, 12)
    else:
        ask = _("Scan, then type the amount")
        y = _line(draw, y, ask, _fitting_font(draw, ask, 40, inner, bold=True), INK, 12)
    for text in (_("PromptPay {id}").format(id=masked_id(pid)), _("Scan to pay with any Thai bank app")):
        y = _line(draw, y, text, _fitting_font(draw, text, 30, inner, bold=False), GREY, 10)
    card = card.crop((0, 0, CARD_WIDTH, y + margin // 2))
    ImageDraw.Draw(card).rectangle((0, 0, CARD_WIDTH - 1, card.height - 1), outline=BAND, width=3)
    return QrCard(image=card, payload=payload, qr_box=qr_box)
