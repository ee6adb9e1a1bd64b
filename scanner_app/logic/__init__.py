"""The terminal's flows as plain Python: no Qt, no I/O.

Each flow is a small controller that takes a classified scan (``shared.barcodes.Scan``) and answers
with a :class:`~scanner_app.logic.common.Reaction`: what to tell the worker (a message key and its
parameters, with a success, warning or error level) and which operations to journal. The screens
run those operations through the operation runner and call back ``committed()`` when the journal
has them; the controllers then re-read the local store, which already shows the optimistic state.
"""
