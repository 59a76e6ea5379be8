"""The admin's people screen and the till's idle lock."""
