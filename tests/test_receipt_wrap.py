"""Wrapping and layout: never wider than the paper, never a split cluster, no character lost."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from receipts.document import Receipt, Row, Text, TextStyle
from receipts.layout import TextLine, layout
from receipts.metrics import RasterMetrics, TextMetrics
from receipts.wrap import PREPOSED, attaches, clusters, wrap

CONSONANTS = "กขคฆงจฉชซญฐณดตถทธนบปผพฟภมยรลวศษสหฬอฮ"
ABOVE_BELOW = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"
TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
FOLLOWING = "\u0e30\u0e32\u0e33\u0e45"
WORDS = ["น้ำยาล้างจาน", "กะปิ", "ชาหญ้าหมอน้อย", "กุ้ง", "ที่", "ปั้น", "ผงรสวาซาบิ", "สมุนไพร", "ขนาด", "500", "มล.", "฿1,200.50"]


@st.composite
def syllable(draw: st.DrawFn) -> str:
    lead = draw(st.sampled_from(["", "", "", *PREPOSED]))
    base = draw(st.sampled_from(CONSONANTS))
    mark = draw(st.sampled_from(["", "", *ABOVE_BELOW]))
    tone = draw(st.sampled_from(["", "", *TONES]))
    tail = draw(st.sampled_from(["", "", *FOLLOWING]))
    return lead + base + mark + tone + tail


thai_name = st.lists(st.one_of(syllable(), st.sampled_from(WORDS), st.just(" ")), min_size=1, max_size=40).map("".join)


def assert_clusters_whole(lines: list[str]) -> None:
    for line in lines:
        if line:
            assert not attaches(line[0]), f"line starts with a mark: {line!r}"
            assert line[-1] not in PREPOSED, f"line ends with a preposed vowel: {line!r}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=thai_name, paper=st.sampled_from([58, 80]), size=st.sampled_from(["normal", "double", "double_width"]))
def test_wrapped_lines_fit_keep_clusters_and_lose_nothing(name: str, paper: int, size: str) -> None:
    metrics = RasterMetrics.for_paper(paper)
    style = TextStyle(size, "regular")  # type: ignore[arg-type]
    lines = wrap(name, metrics.width, lambda s: metrics.measure(s, style))
    for line in lines:
        assert metrics.measure(line, style) <= metrics.width or len(clusters(line)) == 1
    assert_clusters_whole(lines)
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(thai_name, min_size=1, max_size=4), paper=st.sampled_from([58, 80]))
def test_rows_fit_the_paper_and_amounts_sit_right_on_the_last_line(names: list[str], paper: int) -> None:
    rows = tuple(Row(n, f"฿{i + 1},234.50", f"{i + 2} × ฿61{i}.25") for i, n in enumerate(names))
    for metrics in (RasterMetrics.for_paper(paper), TextMetrics.for_paper(paper)):
        lay = layout(Receipt(rows), metrics)
        lines = [item for item in lay.items if isinstance(item, TextLine)]
        for line in lines:
            for run in line.runs:
                assert run.x >= 0 and run.x + run.width <= metrics.width
                assert metrics.measure(run.text, run.style) == run.width
        wanted = {row.right for row in rows}
        amounts = [line for line in lines if line.runs[-1].text in wanted and line.runs[-1].align == "right"]
        assert len(amounts) == len(rows)
        for line in amounts:
            last = line.runs[-1]
            assert last.x + last.width == metrics.width  # right-aligned on the paper's edge
            assert lines.index(line) == len(lines) - 1 or lines[lines.index(line) + 1].runs[0].align == "left"
        text = "".join(r.text for line in lines for r in line.runs).replace(" ", "")
        for n in names:
            assert n.replace(" ", "") in text or all(ch in text for ch in n.replace(" ", ""))


def test_long_word_breaks_between_clusters_without_losing_a_character() -> None:
    metrics = RasterMetrics.for_paper(58)
    word = "น้ำสมุนไพรหญ้าหมอน้อย" * 4
    lines = wrap(word, 150, lambda s: metrics.measure(s, TextStyle()))
    assert len(lines) > 2 and "".join(lines) == word
    assert_clusters_whole(lines)


def test_thai_words_are_not_cut_in_the_middle() -> None:
    metrics = RasterMetrics.for_paper(58)
    text = "น้ำยาล้างจาน สูตรมะนาว ชาหญ้าหมอน้อย กะปิผงรสวาซาบิ"
    lines = wrap(text, 200, lambda s: metrics.measure(s, TextStyle()))
    for word in ("น้ำยาล้างจาน", "มะนาว", "หญ้า", "วาซาบิ"):
        assert any(word in line for line in lines)


def test_text_block_too_long_for_the_paper_is_wrapped_not_cut() -> None:
    line = "ก" * 400
    lay = layout(Receipt((Text(line),)), RasterMetrics.for_paper(58))
    texts = [r.text for item in lay.items if isinstance(item, TextLine) for r in item.runs]
    assert len(texts) > 5 and "".join(texts) == line


def test_marks_are_never_counted_as_columns() -> None:
    assert TextMetrics.for_paper(58).measure("ที่น้ำกุ้ง", TextStyle()) == len(
        [c for c in "ที่น้ำกุ้ง" if unicodedata.category(c) != "Mn"]
    )
