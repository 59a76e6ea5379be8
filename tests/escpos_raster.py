"""An independent reader of ESC/POS raster images, for the print tests (not the ``receipts`` code under test).

Written from the Epson ESC/POS reference of ``GS v 0 m xL xH yL yH d1…dk``: 0x1D 0x76 0x30, mode m (0–3 or
48–51), width in bytes = xL + 256·xH, height in dots = yL + 256·yH, then width×height bytes, row by row,
most significant bit = leftmost dot, a set bit = a black dot.  Every other byte of the job is skipped: only
the images are read, bit by bit, into plain lists (no Pillow), stacked in the order they were sent.
"""

from __future__ import annotations

GS_V_0 = b"\x1dv0"


def raster_rows(job: bytes) -> list[list[bool]]:
    """Every dot row of every ``GS v 0`` image in ``job``, top to bottom; True = black."""
    rows: list[list[bool]] = []
    at = job.find(GS_V_0)
    while at >= 0:
        mode = job[at + 3]
        assert mode in (0, 1, 2, 3, 48, 49, 50, 51), f"bad GS v 0 mode {mode}"
        x_bytes = job[at + 4] + 256 * job[at + 5]
        height = job[at + 6] + 256 * job[at + 7]
        data = job[at + 8: at + 8 + x_bytes * height]
        assert len(data) == x_bytes * height, "the image's bytes were cut short"
        for y in range(height):
            line = data[y * x_bytes:(y + 1) * x_bytes]
            rows.append([bool(byte >> (7 - bit) & 1) for byte in line for bit in range(8)])
        at = job.find(GS_V_0, at + 8 + len(data))
    return rows


def image_rows(image: object) -> list[list[bool]]:
    """A preview image (Pillow, any mode) as the same dot rows: True where the pixel is dark."""
    gray = image.convert("L")  # type: ignore[attr-defined]
    width, height = gray.size
    pixels = gray.tobytes()  # mode "L": one byte a pixel
    return [[pixels[y * width + x] < 128 for x in range(width)] for y in range(height)]


def same_dots(job: bytes, preview: object) -> bool:
    """The printer's dots equal the preview's, row for row (raster rows are padded to whole bytes)."""
    printed, shown = raster_rows(job), image_rows(preview)
    if len(printed) != len(shown):
        return False
    return all(p[: len(s)] == s and not any(p[len(s):]) for p, s in zip(printed, shown, strict=True))
