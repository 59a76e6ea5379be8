"""Selling at the till: the cart, the catalogue as the till sees it, sales and refunds, tills."""
