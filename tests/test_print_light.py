"""What the till's print light says while the printer is away and comes back, and on a fresh day: read as
the seller reads it (the Thai text), never "printing" in amber while the printer is still not answering."""

from __future__ import annotations

from db.connection import OpenedDatabase
from pos_app.printing.setup import save_printer
from pos_app.printing.worker import PrintWorker
from receipts.errors import PrinterOffline, PrinterRefused
from receipts.printers import PrinterConfig
from tests.print_helpers import admin, cash_sale, till_t1
from ui.printing.status import light_of


class Away:
    """A printer switched off ``failures`` times, then on; it reads the light while each job is sent."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.seen: list[tuple[str, str]] = []
        self.jobs: list[bytes] = []

    def __call__(self, config: PrinterConfig, data: bytes) -> None:
        light = light_of(till_t1().id)
        self.seen.append((light.level, light.text))
        if self.failures:
            self.failures -= 1
            raise PrinterOffline(
                "The printer at {address} cannot be reached: is it switched on and connected? ({detail})",
                address=config.address, detail="[Errno 111] Connection refused")
        self.jobs.append(data)


def test_the_light_stays_red_while_the_printer_is_tried_again(demo_db: OpenedDatabase) -> None:
    save_printer(admin(), till_t1().id, "tcp://127.0.0.1:9?timeout=1")
    away = Away(failures=2)
    worker = PrintWorker(till_t1().id, send=away, backoff=(0.0,))
    while worker.step() is not None:  # the demo's earlier days: cancelled, not printed
        pass
    assert light_of(till_t1().id).text == "เครื่องพิมพ์พร้อม"  # not "Receipt 000086: not printed: cancelled"
    second = till_t1().last_receipt_no + 2
    cash_sale("300")
    cash_sale("250")
    worker.step()
    light = light_of(till_t1().id)  # in a few words on the till; the printer's full answer in the tooltip
    assert light.text == "ยังไม่ได้พิมพ์ (รอ 2 ใบ): ติดต่อเครื่องพิมพ์ไม่ได้ เปิดเครื่องและต่อสายแล้วหรือยัง?"
    assert light.problem is not None and light.problem.reason == (
        "ติดต่อเครื่องพิมพ์ที่ tcp://127.0.0.1:9 ไม่ได้: เปิดเครื่องและต่อสายแล้วหรือยัง? ([Errno 111] Connection refused)")
    for _ in range(3):
        worker.step()
    assert away.seen == [
        ("busy", "กำลังพิมพ์… รอ 1 ใบ"),  # the first try: nothing known to be wrong yet
        ("problem", "ยังไม่ได้พิมพ์ (รอ 2 ใบ): กำลังลองติดต่อเครื่องพิมพ์อีกครั้ง…"),
        ("problem", "ยังไม่ได้พิมพ์ (รอ 2 ใบ): กำลังลองติดต่อเครื่องพิมพ์อีกครั้ง…"),
        ("ok", f"ใบเสร็จ {second:06d}: กำลังพิมพ์…"),  # the second receipt never failed
    ]
    assert len(away.jobs) == 2
    light = light_of(till_t1().id)
    assert light.level == "ok" and light.text.endswith(": พิมพ์แล้ว")


def test_paper_out_is_said_in_a_few_words(demo_db: OpenedDatabase) -> None:
    save_printer(admin(), till_t1().id, "tcp://127.0.0.1:9?timeout=1")

    def paper_out(config: PrinterConfig, data: bytes) -> None:
        raise PrinterRefused("The printer at {address} is out of paper", address=config.address)

    worker = PrintWorker(till_t1().id, send=paper_out, backoff=(60.0,))
    while worker.step() is not None:
        pass
    cash_sale("300")
    worker.step()
    assert light_of(till_t1().id).text == "ยังไม่ได้พิมพ์ (รอ 1 ใบ): กระดาษหมด"
