"""Stock screens of the production lead."""
