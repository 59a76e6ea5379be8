"""Plain-file resources (fonts, translations, demo data) behind a few loader functions.

Every layer may import this package; it imports none of them.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent
FONTS = ROOT / "fonts"
TRANSLATIONS = ROOT / "translations"
DEMO = ROOT / "demo"


def font_path(weight: str = "Regular") -> Path:
    """The bundled OFL Thai font (Sarabun), e.g. ``font_path("Bold")``."""
    path = FONTS / f"Sarabun-{weight}.ttf"
    if not path.is_file():
        raise FileNotFoundError(path)
    return path


def demo_path(name: str) -> Path:
    return DEMO / name
