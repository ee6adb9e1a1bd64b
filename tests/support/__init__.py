"""Shared test support for every team's tests.

- backend.py: `BackendServer` (a real `wb-backend serve` on a free port; kill/start on the same data),
  `free_port`, the `backend_server` fixture.
- world.py: `World` (sites, users, products written directly; orders, payment webhooks, pick, pack,
  ship, accept, pickup codes and issue through the API), `Device` (an app's seq and push/pull),
  `Account`, the `backend_world` fixture.
- inprocess.py: `InProcessBackend`, the app in-process with an injected clock (no network).
- proxy.py: `DroppingProxy`, a TCP proxy that loses the server's answers on demand.
- demo_pvz.py, demo_terminal.py: a PVZ's and a warehouse terminal's local store filled as a first
  sync would fill it (screenshots, terminal logic tests, benchmarks).
- packaging_scripts.py: `packaging_script(name)`, the scripts of packaging/ imported as they import
  each other.
"""
