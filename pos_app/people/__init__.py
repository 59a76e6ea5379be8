"""People: users with Argon2 PINs, roles and the one table of who may do what."""
