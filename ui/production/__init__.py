"""Production screens: recipes and batches."""
