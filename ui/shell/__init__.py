"""The app shell: the window, log-in, role-aware navigation, the background wrapper, the events bridge."""
