"""Qt glue shared by the PVZ app and the warehouse terminal app; the core below it knows no Qt.

Common modules (one place for both front ends, after Electrum's ``gui/common_qt``):

* :mod:`shared.qt.operations`  UI actions run off the GUI thread; one ``changed(ChangeSet)`` signal.
* :mod:`shared.qt.i18n`        Russian default, English second; error codes to translated messages.
* :mod:`shared.qt.theme`       large, high-contrast stylesheet.
* :mod:`shared.qt.widgets`     step prompt, status bar, progress strip, keyboard-first tables.
* :mod:`shared.qt.models`      base table models over plain records.
* :mod:`shared.qt.status`      the status bar's observable model.

Scanning (wedge, scanner bridge, feedback, printing, virtual scanner) and the sync adapter live in
their own modules here too. Import submodules directly; this package imports nothing eagerly so the
apps start fast.
"""
