"""Read ESC/POS bytes back: the ``GS v 0`` raster slices joined into one image, and the other commands.

For tests and for looking at a ``.bin`` job without a printer; it understands the commands this package
sends (ESC @, ESC t, ESC E, ESC d, ESC p, GS !, GS V, GS v 0), not all of ESC/POS.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageOps

# fixed-length commands: prefix -> number of parameter bytes
_FIXED = {b"\x1b@": 0, b"\x1bt": 1, b"\x1bE": 1, b"\x1bd": 1, b"\x1bp": 3, b"\x1d!": 1, b"\x1ba": 1}


@dataclass
class Decoded:
    slices: list[Image.Image] = field(default_factory=list)  # mode "1", 0 = black, as on paper
    commands: list[bytes] = field(default_factory=list)  # every non-raster command, in order
    text: bytes = b""  # printable bytes outside commands

    def image(self) -> Image.Image | None:
        if not self.slices:
            return None
        width = max(s.width for s in self.slices)
        out = Image.new("1", (width, sum(s.height for s in self.slices)), 1)
        y = 0
        for piece in self.slices:
            out.paste(piece, (0, y))
            y += piece.height
        return out


def decode(data: bytes) -> Decoded:
    out = Decoded()
    text = bytearray()
    i = 0
    while i < len(data):
        two = data[i : i + 2]
        if two == b"\x1dv" and data[i + 2 : i + 3] == b"0":
            xb = data[i + 4] | data[i + 5] << 8
            rows = data[i + 6] | data[i + 7] << 8
            start = i + 8
            raw = data[start : start + xb * rows]
            if len(raw) != xb * rows:
                raise ValueError("truncated GS v 0 image")
            ink = Image.frombytes("1", (xb * 8, rows), raw)
            out.slices.append(ImageOps.invert(ink.convert("L")).convert("1"))
            i = start + xb * rows
        elif two == b"\x1dV":
            n = 2 if data[i + 2] in (65, 66) else 1
            out.commands.append(data[i : i + 2 + n])
            i += 2 + n
        elif two in _FIXED:
            n = _FIXED[two]
            out.commands.append(data[i : i + 2 + n])
            i += 2 + n
        else:
            text.append(data[i])
            i += 1
    out.text = bytes(text)
    return out
