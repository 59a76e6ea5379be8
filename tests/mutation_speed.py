"""Loaded only by ``python3 dev.py mutate`` (``-p tests.mutation_speed`` in ``[tool.mutmut]``), never by the
normal gate: it makes the thousands of mutant runs cheaper without changing what a test checks.

A PIN check is Argon2 with the library's defaults (64 MiB, 3 passes: ~0.25 s on this machine, on purpose),
and a DB test logs in or authorises several times: half a selling test's time went into it.  Here the PINs
of the databases the tests build are hashed with the cheapest Argon2 parameters instead: still Argon2id,
still a wrong PIN refused, a right one accepted (the parameters travel in each hash), only the cost differs.
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher


def pytest_configure(config: pytest.Config) -> None:
    from pos_app.people import users

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    users._hasher = lambda: cheap  # type: ignore[assignment]  # users asks ``_hasher()`` for its hasher
