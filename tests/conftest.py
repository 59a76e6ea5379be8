"""Fixtures: every database test runs on SQLite and on a real PostgreSQL server started for the run.

Templates are built once per run and backend (an empty database at head, and the demo shop); each test
gets a fresh copy (a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest

from db.connection import OpenedDatabase, open_database
from pos_app.clock import FixedClock, fixed
from resources.i18n import set_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BACKENDS = ("sqlite", "postgres")
TODAY = dt.date(2026, 11, 24)  # the demo's "today" in tests (a Tuesday)
# Every test runs with the clock fixed at 10:00 Bangkok on TODAY (03:00 UTC), one second per reading, so
# that no result depends on the time of day the suite happens to run.  Tests move it with ``clock.set``.
NOW = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
_counter = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "window(size=, login=, active=): how the `window` fixture opens the app")


@pytest.fixture
def window(demo_db: OpenedDatabase, qtbot: Any, request: pytest.FixtureRequest) -> Any:
    """The app's window (``ui.shell.window.MainWindow``) at till T1 of the demo shop, shown at 1024×600 (the
    smallest screen).  ``@pytest.mark.window(size=(w, h) or None, login=(name, pin), active=True)`` on a test
    or module changes that (``tests.ui_till_helpers.open_window``).  Qt is imported only by tests that use it."""
    from tests.ui_till_helpers import open_window

    marker = request.node.get_closest_marker("window")
    return open_window(qtbot, **(marker.kwargs if marker else {}))


@pytest.fixture(autouse=True)
def clock() -> Iterator[FixedClock]:
    """The fixed clock every test runs under (see NOW); a test may ``clock.set(...)`` or ``advance``."""
    with fixed(NOW, step=dt.timedelta(seconds=1)) as the_clock:
        yield the_clock


@pytest.fixture(autouse=True)
def no_print_worker_outlives_its_test() -> Iterator[None]:
    """A till page starts its print worker thread; stop it with the test, or its next step would connect to
    whatever database the next test opens (PostgreSQL then refuses to copy a template "in use")."""
    yield
    import sys

    runner = sys.modules.get("ui.printing.runner")
    if runner is not None:
        runner.stop_all()


@pytest.fixture(autouse=True)
def thai_by_default() -> Iterator[None]:
    set_language("th")
    yield
    set_language("th")


@pytest.fixture(autouse=True)
def no_backup_folder_of_this_laptop(tmp_path_factory: pytest.TempPathFactory,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A day close backs up into the laptop's backup folder (pos_app.books.close_backup): tests never see the
    developer's own setting; a test that wants one sets it."""
    monkeypatch.delenv("POS_BACKUP_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    external = os.environ.get("POS_TEST_POSTGRES_URL")
    if external:
        yield external.rstrip("/")
        return
    from tests.pg_cluster import Cluster

    cluster = Cluster().start()
    try:
        yield cluster.url
    finally:
        cluster.stop()


def _pg_admin(server: str, sql: str) -> None:
    conn = psycopg2.connect(f"{server}/postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


class Factory:
    """Makes fresh databases of one backend: empty, copies of the head template, of the demo template."""

    def __init__(self, backend: str, tmp: Path, server: str | None) -> None:
        self.backend, self.tmp, self.server = backend, tmp, server
        self.templates: dict[str, str] = {}

    def new_target(self) -> str:
        n = next(_counter)
        if self.backend == "sqlite":
            return str(self.tmp / f"db{n}.sqlite3")
        assert self.server
        _pg_admin(self.server, f"CREATE DATABASE pos_{n}")
        return f"{self.server}/pos_{n}"

    def _template(self, name: str) -> str:
        if name not in self.templates:
            target = self.new_target()
            opened = open_database(target)
            if name == "demo":
                from pos_app.demo import create_demo

                create_demo(today=TODAY)
            if self.backend == "sqlite":
                opened.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            opened.database.close()
            self.templates[name] = target
        return self.templates[name]

    def copy_of(self, name: str) -> str:
        template = self._template(name)
        n = next(_counter)
        if self.backend == "sqlite":
            # the process id in the name: the forked runs of a mutation run inherit the counter and the folder,
            # and two at once (or a stale -wal file of one killed at its timeout) must never share a file
            target = str(self.tmp / f"db{n}-{os.getpid()}.sqlite3")
            shutil.copyfile(template, target)
            return target
        assert self.server
        _pg_admin(self.server, f"CREATE DATABASE pos_{n} TEMPLATE {template.rsplit('/', 1)[1]}")
        return f"{self.server}/pos_{n}"


_factories: dict[str, Factory] = {}


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def factory(backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Factory:
    if backend not in _factories or not _factories[backend].tmp.exists():
        # (a cached factory whose folder is gone: pytest removed an old session's temp folder, as happens when
        # mutmut runs many sessions from one process; build the templates again)
        server = request.getfixturevalue("pg_server") if backend == "postgres" else None
        _factories[backend] = Factory(backend, tmp_path_factory.mktemp(f"db-{backend}"), server)
    return _factories[backend]


def _opened(target: str) -> Iterator[OpenedDatabase]:
    opened = open_database(target)
    try:
        yield opened
    finally:
        opened.database.close()
        if target.startswith("postgresql://"):  # keep the throwaway cluster small: its removal was minutes
            server, name = target.rsplit("/", 1)
            try:
                _pg_admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except psycopg2.Error:
                pass  # still in use by a process the test left behind: the cluster goes at the end


@pytest.fixture
def empty_db(factory: Factory) -> Iterator[OpenedDatabase]:
    """A fresh database at head with no shop in it."""
    yield from _opened(factory.copy_of("head"))


@pytest.fixture
def demo_db(factory: Factory) -> Iterator[OpenedDatabase]:
    """A fresh copy of the demo network (a week of market days before TODAY)."""
    yield from _opened(factory.copy_of("demo"))
