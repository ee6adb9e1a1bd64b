"""Bundle entry point of `scanner-app` (PyInstaller runs this script; pyproject's script entry is the same)."""

from scanner_app.__main__ import main

raise SystemExit(main())
