"""What a printer needs to know to print a receipt: paper width, Thai mode, cutter, cash drawer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from receipts.errors import PrinterConfigError

DOTS = {58: 384, 80: 576}  # printable dots across 58 and 80 mm paper

Paper = Literal[58, 80]
ThaiMode = Literal["raster", "codepage"]
CutMode = Literal["partial", "full", "none"]

PAPERS: tuple[Paper, ...] = (58, 80)
THAI_MODES: tuple[ThaiMode, ...] = ("raster", "codepage")
CUT_MODES: tuple[CutMode, ...] = ("partial", "full", "none")


@dataclass(frozen=True)
class PrintSettings:
    """``codepage`` is the printer's ESC t number of its Thai (cp874) table, e.g. 22 Epson-Thai, 21 Star;
    ``None`` in code-page mode means the printer has none: Thai is printed romanised (Latin fallback)."""

    paper: Paper = 80
    thai_mode: ThaiMode = "raster"
    codepage: int | None = None
    cut: CutMode = "partial"
    drawer_pin: Literal[2, 5] = 2
    drawer_pulse_ms: int = 100
    font_px: int = 0  # 0: the paper's default (22 dots on 58 mm, 24 on 80 mm)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise PrinterConfigError("Paper width must be 58 or 80 mm, not {value}", value=self.paper)
        if self.thai_mode not in THAI_MODES:
            raise PrinterConfigError(
                "Thai mode must be raster or codepage, not {value}", value=self.thai_mode
            )
        if self.codepage is not None and not 0 <= self.codepage <= 255:
            raise PrinterConfigError(
                "The code page number must be 0 to 255, not {value}", value=self.codepage
            )
        if self.cut not in CUT_MODES:
            raise PrinterConfigError("Cut must be partial, full or none, not {value}", value=self.cut)
        if self.drawer_pin not in (2, 5):
            raise PrinterConfigError("The drawer pin must be 2 or 5, not {value}", value=self.drawer_pin)
        if not 2 <= self.drawer_pulse_ms <= 510:
            raise PrinterConfigError(
                "The drawer pulse must be 2 to 510 ms, not {value}", value=self.drawer_pulse_ms
            )
        if self.font_px and not 12 <= self.font_px <= 64:
            raise PrinterConfigError("The font size must be 12 to 64 dots, not {value}", value=self.font_px)

    @property
    def dots(self) -> int:
        return DOTS[self.paper]
