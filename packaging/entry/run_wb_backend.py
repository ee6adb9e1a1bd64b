"""Bundle entry point of `wb-backend` (PyInstaller runs this script; pyproject's script entry is the same)."""

from backend_stub.cli import main

raise SystemExit(main())
