"""The price screen: whoever may change prices sees every item's price per tier and changes it."""
