"""Thai-aware line wrapping: break at dictionary word boundaries, never inside a character cluster.

Thai has no spaces between words; pythainlp's ``word_tokenize`` (newmm, dictionary based) finds the word
boundaries.  A word wider than the line is broken between Thai Character Clusters (``tcc``), which keep a
consonant with its vowels and tone marks, so no character is ever lost or separated from its marks.
Only whitespace at a break is dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

Measure = Callable[[str], float]

# Preposed vowels (เ แ โ ใ ไ) belong to the letter after them.
PREPOSED = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
# Sara Am (ำ) is a spacing character but carries a nikhahit that sits over the letter before it.
ATTACHED = frozenset("\u0e33\u200d")


def attaches(ch: str) -> bool:
    """True if ``ch`` cannot start a line: a combining mark (vowel above/below, tone mark) or Sara Am."""
    return ch in ATTACHED or unicodedata.category(ch) in ("Mn", "Mc", "Me")


def clusters(text: str) -> list[str]:
    """Split ``text`` into the smallest pieces that may be put on different lines."""
    out: list[str] = []
    for ch in text:
        if out and (attaches(ch) or out[-1][-1] in PREPOSED or out[-1][-1] == "\u200d"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _merge_marks(pieces: list[str]) -> list[str]:
    """Glue any piece that starts with a mark (or follows a preposed vowel) onto the one before it."""
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if out and (attaches(piece[0]) or out[-1][-1] in PREPOSED):
            out[-1] += piece
        else:
            out.append(piece)
    return out


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Word tokens of one paragraph, whitespace kept as tokens of its own."""
    if not text:
        return ()
    from pythainlp.tokenize import word_tokenize  # loaded when a receipt is first wrapped, not at start

    return tuple(_glue(_merge_marks(list(word_tokenize(text, keep_whitespace=True)))))


def _is_thai(text: str) -> bool:
    """Thai letters, vowels or marks (the baht sign and Thai digits go with numbers)."""
    return any("\u0e01" <= ch <= "\u0e3a" or "\u0e40" <= ch <= "\u0e4f" for ch in text)


def _glue(tokens: list[str]) -> list[str]:
    """Keep numbers, codes and amounts whole (``0-1234-5``, ``฿1,340.50``) and an abbreviation with the word
    it abbreviates (``จ.สมุทรปราการ``): the segmenter cuts them apart."""
    out: list[str] = []
    for token in tokens:
        if out and not token.isspace() and not out[-1].isspace():
            prev = out[-1]
            if (not _is_thai(prev) and not _is_thai(token)) or (prev.endswith(".") and _is_thai(prev)):
                out[-1] = prev + token
                continue
        out.append(token)
    return out


@lru_cache(maxsize=4096)
def break_pieces(word: str) -> tuple[str, ...]:
    """The pieces a too-long word may be broken into (Thai character clusters, never splitting marks)."""
    from pythainlp.tokenize import tcc

    try:
        pieces = list(tcc.segment(word))
    except Exception:  # pragma: no cover - the segmenter is a heuristic; fall back to clusters
        pieces = clusters(word)
    if "".join(pieces) != word:  # pragma: no cover - never lose a character
        pieces = clusters(word)
    refined: list[str] = []
    for piece in _merge_marks(pieces):
        refined.append(piece)
    return tuple(refined)


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (as ``measure`` says); ``\\n`` forces a break.

    A single cluster wider than the whole line (absurd sizes only) goes on a line of its own.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    if measure(text) <= width:
        return [text.rstrip() if text.strip() else text]
    lines: list[str] = []
    line = ""
    for token in words(text):
        if token.isspace():
            if line:
                line += token
            continue
        candidate = line + token
        if measure(candidate) <= width:
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        if measure(token) <= width:
            line = token
            continue
        for piece in _pieces_fitting(token, width, measure):
            candidate = line + piece
            if not line or measure(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = piece
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _pieces_fitting(token: str, width: float, measure: Measure) -> list[str]:
    """Break pieces of ``token``, each split further into clusters if it is still too wide alone."""
    out: list[str] = []
    for piece in break_pieces(token):
        if measure(piece) <= width:
            out.append(piece)
        else:
            out.extend(clusters(piece))
    return out
