"""``pos-app verify``, ``pos-app backup DEST`` and ``pos-app restore SRC``: the trust room's commands.

``verify`` exits 0 only when every chain and every invariant holds, 1 when something is broken (each kind
of break named by its first instance), 2 when the books cannot be opened.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from resources.i18n import N_, TranslatedError, _

if TYPE_CHECKING:
    from db.connection import OpenedDatabase


class NoSuchBooks(TranslatedError):
    pass


def _open(args: argparse.Namespace) -> OpenedDatabase:
    from db.connection import default_target, is_postgres, open_database, sqlite_path

    target = args.database or default_target()
    if not is_postgres(target) and not sqlite_path(target).exists():
        raise NoSuchBooks(N_("There are no books at {path}"), path=str(sqlite_path(target)))
    return open_database(target)


def cmd_verify(args: argparse.Namespace) -> int:
    from pos_app.trust import chain
    from pos_app.trust.verify import verify

    if args.secret_file:
        chain.set_shop_secret(Path(args.secret_file).read_bytes().strip())
    opened = _open(args)
    try:
        report = verify(anchor=args.head)
    finally:
        opened.database.close()
    if report.ok:
        print(_("The books are in order: {documents} documents in {chains} chains, every link, receipt number "
                "and total checked.").format(documents=report.documents, chains=report.chains))
        if args.head:
            print(_("The head {head} from the Z report is in the books.").format(head=args.head))
        return 0
    print(_("THE BOOKS DO NOT VERIFY:"))
    for problem in report.problems:
        count = report.counts.get(problem.kind, 1)
        print(f"  [{problem.kind}] {problem.message}" + (f"  (+{count - 1})" if count > 1 else ""))
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from pos_app.trust.backup import backup

    opened = _open(args)
    try:
        result = backup(args.dest, keep=args.keep, target=opened.target)
    finally:
        opened.database.close()
    print(_("Backup saved: {path} ({size} bytes, SHA-256 {sha})").format(path=result.path, size=result.size,
                                                                         sha=result.sha256[:16]))
    for old in result.removed:
        print(_("Old backup removed: {path}").format(path=old))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from db.connection import default_target
    from db.models import database
    from pos_app.trust.backup import restore

    result = restore(args.src, args.database or default_target())
    database.obj.close()
    print(_("Restored from {path}; a new epoch was opened in {epochs} chains.").format(path=args.src,
                                                                                      epochs=result.epochs))
    if result.replaced:
        print(_("The books it replaced are kept as {path}").format(path=result.replaced))
    for gap in result.gaps:
        print(_("Till {till}: receipt numbers {first}–{last} were handed out after this backup and are skipped "
                "(they may be on paper receipts: keep those).").format(till=gap.till, first=gap.first,
                                                                     last=gap.last))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("verify", help="recompute every hash chain and check the books' invariants")
    p.add_argument("--head", help="the chain head printed on a Z report (at least 12 characters)")
    p.add_argument("--secret-file", help="a file holding the shop secret (HMAC), if the shop uses one")
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser("backup", help="back up the books into a folder (a USB stick), keeping the last N")
    p.add_argument("dest", help="the folder to back up into")
    p.add_argument("--keep", type=int, default=10, help="how many backups to keep there (default 10)")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="replace the books with a backup (verified first; the old file is kept)")
    p.add_argument("src", help="the backup file")
    p.set_defaults(func=cmd_restore)
