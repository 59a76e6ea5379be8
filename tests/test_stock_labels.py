"""Lot labels: the lot number as a Code 128 that an independent decoder (zbar's ``zbarimg``, Debian zbar-tools)
reads back, the dates in the Buddhist Era, sheets of 24; bad requests refused (both databases)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from db.connection import OpenedDatabase
from db.models import Lot
from db.models.production import Batch
from pos_app.errors import InputError, NotFound
from pos_app.stock import labels
from tests.test_production_cost_sheet import _pdf_text


def _pages(pdf: bytes, tmp_path: Path) -> list[Path]:
    source = tmp_path / "labels.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "300", str(source), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def _decoded(page: Path) -> set[str]:
    exe = shutil.which("zbarimg")
    assert exe, "zbarimg is missing: python3 dev.py test installs Debian's zbar-tools"
    out = subprocess.run([exe, "--raw", "-q", "-Sdisable", "-Scode128.enable", str(page)], capture_output=True,
                         text=True, check=False)
    return set(out.stdout.split())


def test_the_labels_of_a_batch_lot_scan_back_to_its_number(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    batch = Batch.select().first()  # the demo's seasoned powder, made 20 Nov, 180 days' shelf life
    lot = Lot.get(Lot.number == batch.number)
    sheet = labels.label_sheet(lot.id, 26)
    assert (sheet.name, sheet.dates) == ("กะปิผงทรงเครื่อง 50 กรัม", "ผลิต 20/11/2569 · หมดอายุ 19/05/2570")
    pdf = labels.render_labels(sheet)
    pages = _pages(pdf, tmp_path)
    assert len(pages) == 2  # 24 on the first sheet, 2 on the next
    assert _decoded(pages[0]) == _decoded(pages[1]) == {lot.number}
    with Image.open(pages[0]) as page:  # the label at the right edge too (zbar reports a repeated code once)
        width, height = page.size
        corner = tmp_path / "corner.png"
        page.crop((width * 2 // 3, 0, width, height // 8)).save(corner)
    assert _decoded(corner) == {lot.number}
    text = _pdf_text(pdf)
    assert text.count(lot.number) == 26 and "หมดอายุ 19/05/2570" in text


def test_a_long_lot_number_still_fits_and_scans(demo_db: OpenedDatabase, tmp_path: Path) -> None:
    import datetime as dt
    import uuid

    from db.models import Item
    from pos_app.stock.lots import unrecorded_lot

    # goods sold that the books never received get this lot: 20 characters, no digits to pair
    lot = unrecorded_lot(Item.get(Item.sku == "DISH-3800").id, dt.date(2025, 11, 24), uuid.uuid4())
    assert lot.number == "DISH-3800-UNRECORDED"
    pages = _pages(labels.render_labels(labels.label_sheet(lot.id, 3)), tmp_path)
    assert _decoded(pages[0]) == {"DISH-3800-UNRECORDED"}


def test_bad_label_requests_are_refused(demo_db: OpenedDatabase) -> None:
    lot = Lot.select().first()
    for copies in (0, labels.MAX_COPIES + 1):
        with pytest.raises(InputError):
            labels.label_sheet(lot.id, copies)
    with pytest.raises(NotFound):
        labels.label_sheet(999_999, 1)
