"""Trust: the journal and its hash chains, ``verify``, the audit log, backups, the till lock, retries.

Entry points other rooms use: :func:`chain_head` (printed on the Z report), :func:`verify`,
:func:`write_transaction` / :func:`retrying` (write with back-off), ``pos_app.trust.journal.record``.
"""

from pos_app.trust.chain import Head, chain_head
from pos_app.trust.retry import TillBusy, retrying, write_transaction
from pos_app.trust.verify import Report, verify

__all__ = ["Head", "Report", "TillBusy", "chain_head", "retrying", "verify", "write_transaction"]
