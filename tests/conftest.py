"""Test-wide settings: offscreen Qt, an in-memory keyring, and no wall-clock surprises."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# PostgreSQL for the tests that run on both databases: started on first use, once a session
pytest_plugins = ["tests.support.postgres"]
