"""Stock: the append-only movement ledger (and, as they land, lots, balances, purchases, counts)."""
