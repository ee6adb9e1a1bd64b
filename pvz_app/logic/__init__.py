"""The PVZ's flows and rules with no Qt and no store: the flows over their ports (ports.py, flows.py),
cell suggestion, the flows' session state, reports. Tested in tests/unit and through the screens."""
