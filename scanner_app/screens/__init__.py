"""The terminal's screens, one module each; :mod:`scanner_app.window` stacks them."""
