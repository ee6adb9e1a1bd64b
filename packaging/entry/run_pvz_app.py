"""Bundle entry point of `pvz-app` (PyInstaller runs this script; pyproject's script entry is the same)."""

from pvz_app.__main__ import main

raise SystemExit(main())
