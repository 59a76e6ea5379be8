"""Wrapping edges with a monospace measure (``len``), expected lines worked by hand."""

from __future__ import annotations

from receipts.wrap import wrap


def test_a_line_exactly_the_width_keeps_its_indent() -> None:
    assert wrap("  กา", 4, len) == ["  กา"]


def test_a_blank_paragraph_wider_than_the_paper_is_still_one_blank_line() -> None:
    assert wrap("      ", 3, len) == [""]
    assert wrap("กา\n      \nดี", 3, len) == ["กา", "", "ดี"]
