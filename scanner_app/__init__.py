"""WB Ops warehouse terminal: a touch-first app for handheld terminals (portrait 480x800, built-in
scanner). Run it with ``scanner-app`` or ``python -m scanner_app``; see ``scanner_app.__main__``."""
