"""The one clock: no code and no test reads the wall clock except through ``pos_app.clock``.

A source scan (not an import of the modules), so it also covers the UI and the tests themselves: a test that
read the time of day could pass at 10:00 and fail at 23:30.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WALL_CLOCK = re.compile(r"\b(?:datetime|dt)\.(?:datetime\.)?(?:now|today|utcnow)\(|\bdate\.today\("
                        r"|\btime\.(?:time|localtime|gmtime)\(")
ALLOWED = {
    "pos_app/clock.py",  # the one clock itself
    "db/migrate.py",  # the backup file's name stamp before an upgrade (db may not import pos_app)
    "tests/test_clock.py",  # checks the system clock against time.time()
    "tests/test_one_clock.py",
}
ALLOWED_FOLDERS = (
    "db/migrations/",  # a migration stamps the rows it back-fills at the moment it runs (db may not import pos_app)
)


def offenders() -> list[str]:
    found = []
    for folder in ("pos_app", "db", "receipts", "resources", "ui", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in ALLOWED or rel.startswith(ALLOWED_FOLDERS):
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if WALL_CLOCK.search(line.split("#", 1)[0]):
                    found.append(f"{rel}:{n}: {line.strip()}")
    return found


def test_the_pattern_finds_what_it_should() -> None:
    for line in ("x = dt.datetime.now(dt.UTC)", "datetime.now()", "date.today()", "t = time.time()",
                 "dt.date.today()", "datetime.datetime.utcnow()"):
        assert WALL_CLOCK.search(line), line
    for line in ("clock.utc_now()", "today()", "business_date(now)", "time.monotonic()"):
        assert not WALL_CLOCK.search(line), line


def test_nothing_reads_the_wall_clock() -> None:
    assert offenders() == []
