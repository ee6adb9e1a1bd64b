"""WB Ops shared library: domain rules, barcodes, scanning, local store, sync, auth and Qt glue."""
