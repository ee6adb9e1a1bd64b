"""PVZ rules with no Qt: cell suggestion, the flows' session state, reports. Tested in tests/unit."""
