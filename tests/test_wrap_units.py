"""Thai wrapping piece by piece, with a monospace measure (``len``) so every expected line is worked by hand.

``len`` counts code points, marks included: "กุ้ง" is 4 wide.  Each expectation below was checked by hand
against greedy filling (as many whole words as fit, then the next line).
"""

from __future__ import annotations

import pytest

from receipts.wrap import _glue, _is_thai, _merge_marks, _pieces_fitting, attaches, break_pieces, clusters, words, wrap


@pytest.mark.parametrize(
    ("ch", "expected"),
    [
        ("\u0e31", True),  # ั mai han-akat (above)
        ("\u0e38", True),  # ุ sara u (below)
        ("\u0e48", True),  # ่ mai ek (tone)
        ("\u0e33", True),  # ำ sara am (spacing, but its nikhahit sits on the letter before)
        ("\u200d", True),  # zero-width joiner
        ("\u0301", True),  # combining acute (Mn)
        ("\u0903", True),  # Devanagari visarga (Mc)
        ("\u20dd", True),  # combining enclosing circle (Me)
        ("ก", False), ("เ", False), ("\u0e32", False), ("a", False), (" ", False), ("฿", False),
    ],
)
def test_attaches(ch: str, expected: bool) -> None:
    assert attaches(ch) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("ab", ["a", "b"]),
        ("กุ้ง", ["กุ้", "ง"]),
        ("น้ำ", ["น้ำ"]),
        ("เกม", ["เก", "ม"]),  # a preposed vowel goes with the letter after it
        ("แม่", ["แม่"]),
        ("a\u200db", ["a\u200db"]),  # a joiner glues both sides
        ("\u0e48ก", ["\u0e48", "ก"]),  # a stray mark at the very start stays a piece of its own
    ],
)
def test_clusters(text: str, expected: list[str]) -> None:
    assert clusters(text) == expected


def test_merge_marks() -> None:
    assert _merge_marks(["ก", "", "ุ้ง", "เ", "ก", "x"]) == ["กุ้ง", "เก", "x"]
    assert _merge_marks(["\u0e48", "ก"]) == ["\u0e48", "ก"]
    assert _merge_marks([]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ก", True), ("\u0e3a", True), ("เ", True), ("\u0e4f", True), ("abcก", True),
     ("฿", False), ("๑๒", False), ("\u0e00", False), ("\u0e3b", False), ("\u0e50", False), ("abc", False), ("", False)],
)
def test_is_thai(text: str, expected: bool) -> None:
    assert _is_thai(text) is expected


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["0", "-", "1234", "-", "5"], ["0-1234-5"]),
        (["฿", "1,200", ".", "50"], ["฿1,200.50"]),
        (["จ.", "สมุทรปราการ"], ["จ.สมุทรปราการ"]),
        (["ml.", "กะปิ"], ["ml.", "กะปิ"]),  # only a Thai abbreviation holds on to the next word
        (["กะปิ", "500"], ["กะปิ", "500"]),
        (["500", "กะปิ"], ["500", "กะปิ"]),
        (["กะปิ", " ", "500", " ", "7"], ["กะปิ", " ", "500", " ", "7"]),
        (["a", " ", " ", "b"], ["a", " ", " ", "b"]),
    ],
)
def test_glue(tokens: list[str], expected: list[str]) -> None:
    assert _glue(tokens) == expected


def test_words_keep_spaces_and_amounts_whole() -> None:
    assert words("") == ()
    assert words("abc def") == ("abc", " ", "def")
    assert words("กะปิ 500 กรัม ฿1,200.50") == ("กะปิ", " ", "500", " ", "กรัม", " ", "฿1,200.50")


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("abc def ghi", 7, ["abc def", "ghi"]),
        ("abc def ghi", 11, ["abc def ghi"]),
        ("abc def ghi", 10, ["abc def", "ghi"]),
        ("abc def ghi", 3, ["abc", "def", "ghi"]),
        ("ab  cd", 3, ["ab", "cd"]),  # spaces at a break are dropped
        ("ab   ", 10, ["ab"]),  # trailing spaces too
        ("   ", 10, ["   "]),  # a line of spaces only is kept as it is
        ("", 10, [""]),
        ("ab\ncd", 10, ["ab", "cd"]),  # a newline always breaks
        ("ab\n\ncd", 10, ["ab", "", "cd"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # a word wider than the line is cut
        ("xy abcdefghij", 4, ["xy", "abcd", "efgh", "ij"]),
        ("กุ้ง", 1, ["กุ้", "ง"]),  # a cluster wider than the line goes alone, never split
        ("กะปิ 500 กรัม ฿1,200.50", 9, ["กะปิ 500", "กรัม", "฿1,200.50"]),
        ("กะปิ 500 กรัม ฿1,200.50", 8, ["กะปิ 500", "กรัม", "฿1,200.5", "0"]),
        ("ab " * 3, 5, ["ab ab", "ab"]),
    ],
)
def test_wrap_by_hand(text: str, width: int, expected: list[str]) -> None:
    assert wrap(text, width, len) == expected


def test_pieces_fitting_splits_a_piece_only_when_it_is_too_wide() -> None:
    assert break_pieces("ชาหญ้า") == ("ชา", "ห", "ญ้า")  # Thai character clusters
    assert _pieces_fitting("ชาหญ้า", 3, len) == ["ชา", "ห", "ญ้า"]
    assert _pieces_fitting("ชาหญ้า", 2, len) == ["ชา", "ห", "ญ้", "า"]  # ญ้า is 3 wide: cut between clusters
    assert _pieces_fitting("ชาหญ้า", 1, len) == ["ช", "า", "ห", "ญ้", "า"]
    assert "".join(break_pieces("ชาหญ้าหมอน้อย")) == "ชาหญ้าหมอน้อย"
    for piece in break_pieces("ชาหญ้าหมอน้อย"):
        assert not attaches(piece[0])
