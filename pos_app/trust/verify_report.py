"""What ``verify`` found: a :class:`Report` of :class:`Problem` s, the first of each kind kept for reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from resources.i18n import _

KINDS = ("chain", "head", "anchor", "secret", "journal", "numbers", "totals", "balance", "schema")


@dataclass(frozen=True)
class Problem:
    kind: str
    msgid: str
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return _(self.msgid).format(**self.params)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)  # the first of each kind (chains: each chain)
    counts: dict[str, int] = field(default_factory=dict)  # how many problems of each kind
    documents: int = 0
    links: int = 0
    chains: int = 0
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    @property
    def ok(self) -> bool:
        return not self.counts

    def kinds(self) -> set[str]:
        return set(self.counts)

    def add(self, kind: str, msgid: str, per: str = "", **params: Any) -> None:
        """Count a problem; keep the first of its kind (per chain or till when ``per`` is given)."""
        if (kind, per) not in self._seen:
            self._seen.add((kind, per))
            self.problems.append(Problem(kind, msgid, params))
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def lines(self) -> list[str]:
        return [p.message for p in self.problems]

