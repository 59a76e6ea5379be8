"""Pictures on a receipt, as 1-bit Pillow images (0 = black dot): QR code, barcode, logo, ruler.

Made in printer dots so the raster, the preview, the text mode (which sends pictures as raster) and the PDF
use the very same pixels.  Bad pictures raise :class:`DocumentError`, before anything is sent.
"""

from __future__ import annotations

import io
import warnings
from functools import lru_cache

import qrcode
from PIL import Image, ImageDraw, UnidentifiedImageError

from receipts.document import Barcode, Logo, QRCode
from receipts.errors import DocumentError
from receipts.metrics import font

MAX_LOGO_PIXELS = 40_000_000  # a bigger picture is refused rather than decoded (memory of an old laptop)
MAX_LOGO_BYTES = 20_000_000
BARCODE_HEIGHT = 72


@lru_cache(maxsize=64)
def qr_image(code: QRCode, dots: int) -> Image.Image:
    if not code.data:
        raise DocumentError("The QR code has no data")
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=1)
    try:
        qr.add_data(code.data)
        qr.make(fit=True)
    except Exception as exc:  # qrcode raises DataOverflowError for too much data
        raise DocumentError(
            "The QR code data is too long ({count} characters)", count=len(code.data)
        ) from exc
    modules = qr.modules_count + 2 * qr.border
    module = code.module or max(2, min(8, (dots // 2) // modules))
    while module > 1 and modules * module > dots:
        module -= 1
    if modules * module > dots:
        raise DocumentError("The QR code data is too long ({count} characters)", count=len(code.data))
    matrix = qr.get_matrix()  # with the border
    img = Image.new("1", (len(matrix), len(matrix)), 1)
    img.putdata([0 if cell else 1 for row in matrix for cell in row])
    return img.resize((img.width * module, img.height * module), Image.Resampling.NEAREST)


@lru_cache(maxsize=64)
def barcode_image(code: Barcode, dots: int) -> Image.Image:
    import barcode as pybarcode

    try:
        pattern = "".join(pybarcode.get(code.symbology, code.data).build())
    except Exception as exc:  # python-barcode raises its own errors for bad digits/characters
        raise DocumentError(
            "“{data}” cannot be printed as a {symbology} barcode", data=code.data, symbology=code.symbology
        ) from exc
    quiet = 10
    modules = len(pattern) + 2 * quiet
    module = min(3, dots // modules)
    if module < 1:
        raise DocumentError("The barcode “{data}” is too long for the paper", data=code.data)
    img = Image.new("1", (modules * module, BARCODE_HEIGHT), 1)
    draw = ImageDraw.Draw(img)
    for i, bit in enumerate(pattern):
        if bit == "1":
            x = (quiet + i) * module
            draw.rectangle((x, 0, x + module - 1, BARCODE_HEIGHT - 1), fill=0)
    return img


def logo_image(logo: Logo, dots: int) -> Image.Image:
    return _logo_image(logo.image, round(dots * max(0.05, min(1.0, logo.max_width))), dots)


@lru_cache(maxsize=16)
def _logo_image(data: bytes, max_width: int, dots: int) -> Image.Image:
    if len(data) > MAX_LOGO_BYTES:
        raise DocumentError("The logo file is too large ({size} MB)", size=len(data) // 1_000_000)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            src = Image.open(io.BytesIO(data))
            width, height = src.size
            if width * height > MAX_LOGO_PIXELS:
                raise DocumentError(
                    "The logo is too large ({width}×{height} pixels); use a picture under 40 megapixels",
                    width=width,
                    height=height,
                )
            src.load()
    except DocumentError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentError("The logo is not a picture Pillow can read (PNG, JPEG, GIF, BMP…)") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise DocumentError("The logo picture is damaged: {detail}", detail=str(exc)) from exc
    if width < 1 or height < 1:
        raise DocumentError("The logo picture is empty")
    rgba = src.convert("RGBA")
    flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    flat.alpha_composite(rgba)
    grey = flat.convert("L")
    scale = min(1.0, max_width / width, (dots * 0.75) / height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    if size != grey.size:
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    return grey.convert("1", dither=Image.Dither.FLOYDSTEINBERG)


@lru_cache(maxsize=4)
def ruler_image(dots: int) -> Image.Image:
    """Ticks every 8 dots (1 mm), longer every 48, labelled every 96; bars at 384 (58 mm) and 576 (80 mm)."""
    height = 56
    img = Image.new("1", (dots, height), 1)
    draw = ImageDraw.Draw(img)
    small = font("regular", 14)
    draw.line((0, 0, dots - 1, 0), fill=0)
    for x in range(0, dots, 8):
        tick = 24 if x % 96 == 0 else 14 if x % 48 == 0 else 7
        draw.line((x, 0, x, tick), fill=0)
        if x % 96 == 0 and 0 < x < dots - 20:
            draw.text((x + 2, 24), str(x), font=small, fill=0)
    for edge in (384, 576):
        if edge <= dots:
            draw.rectangle((edge - 3, 0, edge - 1, height - 1), fill=0)
    draw.text((2, 24), "0", font=small, fill=0)
    return img
