"""The till: a stall seller's screen (scan, find, cart, pay) and today's sales."""
