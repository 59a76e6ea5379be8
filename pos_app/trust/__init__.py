"""Trust: the journal of committed documents (and, as they land, the hash chain, verify, audit log)."""
