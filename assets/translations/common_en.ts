<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackendPage</name>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>The address of the WB Ops server this device works with.</source>
        <translation>The address of the WB Ops server this device works with.</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Check connection</translation>
    </message>
    <message>
        <source>Continue without a connection (check it later)</source>
        <translation>Continue without a connection (check it later)</translation>
    </message>
    <message>
        <source>Backend address:</source>
        <translation>Backend address:</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>Checking %1 ...</translation>
    </message>
    <message>
        <source>Type the server address.</source>
        <translation>Type the server address.</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>The address must start with http:// or https://.</translation>
    </message>
    <message>
        <source>The address has no server name.</source>
        <translation>The address has no server name.</translation>
    </message>
    <message>
        <source>The port in the address is wrong.</source>
        <translation>The port in the address is wrong.</translation>
    </message>
    <message>
        <source>The address is wrong.</source>
        <translation>The address is wrong.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connected to %1.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 did not answer in time.</translation>
    </message>
    <message>
        <source>Cannot reach %1: check the address, the network and that the server runs.</source>
        <translation>Cannot reach %1: check the address, the network and that the server runs.</translation>
    </message>
    <message>
        <source>%1 answered with an HTTP error.</source>
        <translation>%1 answered with an HTTP error.</translation>
    </message>
    <message>
        <source>%1 answered, but it is not a WB Ops server.</source>
        <translation>%1 answered, but it is not a WB Ops server.</translation>
    </message>
    <message>
        <source>No connection to %1.</source>
        <translation>No connection to %1.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>No camera found: scan with the scanner or type the code.</source>
        <translation>No camera found: scan with the scanner or type the code.</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <source>Camera scanning is not available: the barcode decoder is missing.</source>
        <translation>Camera scanning is not available: the barcode decoder is missing.</translation>
    </message>
    <message>
        <source>Camera: %1. Hold the code inside the frame.</source>
        <translation>Camera: %1. Hold the code inside the frame.</translation>
    </message>
    <message>
        <source>The camera stopped: %1</source>
        <translation>The camera stopped: %1</translation>
    </message>
</context>
<context>
    <name>ConfigNotice</name>
    <message>
        <source>The configuration has problems; the app runs on its last good settings:</source>
        <translation>The configuration has problems; the app runs on its last good settings:</translation>
    </message>
    <message>
        <source>Fix the file and restart the app; the settings screen lists these too.</source>
        <translation>Fix the file and restart the app; the settings screen lists these too.</translation>
    </message>
    <message>
        <source>This computer has no secure password store: after the app restarts you will need to log in again.</source>
        <translation>This computer has no secure password store: after the app restarts you will need to log in again.</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo mode: demo data, and sign-ins kept in the demo folder instead of a secure store.</source>
        <translation>Demo mode: demo data, and sign-ins kept in the demo folder instead of a secure store.</translation>
    </message>
    <message>
        <source>Check the configuration</source>
        <translation>Check the configuration</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
</context>
<context>
    <name>Discrepancies</name>
    <message>
        <source>Handover discrepancies: %1</source>
        <translation>Handover discrepancies: %1</translation>
    </message>
    <message>
        <source>no seal</source>
        <translation>no seal</translation>
    </message>
    <message>
        <source>Box %1: seal %2 sent, %3 found</source>
        <translation>Box %1: seal %2 sent, %3 found</translation>
    </message>
    <message>
        <source>Box %1: seal broken</source>
        <translation>Box %1: seal broken</translation>
    </message>
    <message>
        <source>Box %1: sent, not received</source>
        <translation>Box %1: sent, not received</translation>
    </message>
    <message>
        <source>Box %1: received, never handed over</source>
        <translation>Box %1: received, never handed over</translation>
    </message>
    <message>
        <source>courier %1</source>
        <translation>courier %1</translation>
    </message>
    <message>
        <source>photos: %1</source>
        <translation>photos: %1</translation>
    </message>
</context>
<context>
    <name>DisputeAct</name>
    <message>
        <source>Dispute act</source>
        <translation>Dispute act</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>Built</translation>
    </message>
    <message>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <source>When (local time)</source>
        <translation>When (local time)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Cell / location / box</source>
        <translation>Cell / location / box</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>not yet sent</translation>
    </message>
    <message>
        <source>confirmed by the server</source>
        <translation>confirmed by the server</translation>
    </message>
    <message>
        <source>rejected by the server</source>
        <translation>rejected by the server</translation>
    </message>
    <message>
        <source>Nothing recorded for this subject.</source>
        <translation>Nothing recorded for this subject.</translation>
    </message>
    <message>
        <source>Times to look up in the camera recording</source>
        <translation>Times to look up in the camera recording</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Photo taken</source>
        <translation>Photo taken</translation>
    </message>
    <message>
        <source>Unit label</source>
        <translation>Unit label</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Status now</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Already scanned, counted once. Scan the next item.</source>
        <translation>Already scanned, counted once. Scan the next item.</translation>
    </message>
    <message>
        <source>No scanner found. Plug it in or choose its port in settings.</source>
        <translation>No scanner found. Plug it in or choose its port in settings.</translation>
    </message>
    <message>
        <source>Scanner connected.</source>
        <translation>Scanner connected.</translation>
    </message>
    <message>
        <source>Scanner disconnected. Plug it back in; it reconnects by itself.</source>
        <translation>Scanner disconnected. Plug it back in; it reconnects by itself.</translation>
    </message>
    <message>
        <source>The scan was cut off. Scan again; if it repeats, set the scanner&apos;s suffix to Enter.</source>
        <translation>The scan was cut off. Scan again; if it repeats, set the scanner&apos;s suffix to Enter.</translation>
    </message>
    <message>
        <source>The scan was too long and was discarded. Scan the label again; if it repeats, check the scanner&apos;s suffix setting.</source>
        <translation>The scan was too long and was discarded. Scan the label again; if it repeats, check the scanner&apos;s suffix setting.</translation>
    </message>
    <message>
        <source>The scanner reported an error. Unplug it and plug it back in.</source>
        <translation>The scanner reported an error. Unplug it and plug it back in.</translation>
    </message>
    <message>
        <source>The scanner sent unreadable data. Scan again; if it repeats, check the port speed (baud rate) in settings.</source>
        <translation>The scanner sent unreadable data. Scan again; if it repeats, check the port speed (baud rate) in settings.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>a product barcode</source>
        <comment>product</comment>
        <translation>a product barcode</translation>
    </message>
    <message>
        <source>a unit label</source>
        <comment>unit</comment>
        <translation>a unit label</translation>
    </message>
    <message>
        <source>a cell label</source>
        <comment>cell</comment>
        <translation>a cell label</translation>
    </message>
    <message>
        <source>a shelf location label</source>
        <comment>location</comment>
        <translation>a shelf location label</translation>
    </message>
    <message>
        <source>a box label</source>
        <comment>box</comment>
        <translation>a box label</translation>
    </message>
    <message>
        <source>an employee badge</source>
        <comment>badge</comment>
        <translation>an employee badge</translation>
    </message>
    <message>
        <source>a pickup QR code</source>
        <comment>pickup</comment>
        <translation>a pickup QR code</translation>
    </message>
    <message>
        <source>a marking code</source>
        <comment>marking</comment>
        <translation>a marking code</translation>
    </message>
    <message>
        <source>a delivery document barcode</source>
        <comment>document</comment>
        <translation>a delivery document barcode</translation>
    </message>
    <message>
        <source>a tote label</source>
        <comment>tote</comment>
        <translation>a tote label</translation>
    </message>
    <message>
        <source>a seal number</source>
        <comment>seal</comment>
        <translation>a seal number</translation>
    </message>
</context>
<context>
    <name>LabelPrinter</name>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This is not a pickup code.</source>
        <comment>pickup_malformed</comment>
        <translation>This is not a pickup code.</translation>
    </message>
    <message>
        <source>The pickup code is not genuine.</source>
        <comment>pickup_bad_signature</comment>
        <translation>The pickup code is not genuine.</translation>
    </message>
    <message>
        <source>The pickup code has expired: ask the customer to refresh it.</source>
        <comment>pickup_expired</comment>
        <translation>The pickup code has expired: ask the customer to refresh it.</translation>
    </message>
    <message>
        <source>The pickup code was revoked.</source>
        <comment>pickup_revoked</comment>
        <translation>The pickup code was revoked.</translation>
    </message>
    <message>
        <source>This order is for another pickup point.</source>
        <comment>pickup_wrong_pvz</comment>
        <translation>This order is for another pickup point.</translation>
    </message>
    <message>
        <source>Pickup codes cannot be checked yet: sync with the server first.</source>
        <comment>pickup_no_key</comment>
        <translation>Pickup codes cannot be checked yet: sync with the server first.</translation>
    </message>
    <message>
        <source>No order matches this short code.</source>
        <comment>pickup_unknown_code</comment>
        <translation>No order matches this short code.</translation>
    </message>
    <message>
        <source>The marking code belongs to another product.</source>
        <comment>gtin_mismatch</comment>
        <translation>The marking code belongs to another product.</translation>
    </message>
    <message>
        <source>The marking code is damaged or not a Chestny Znak code.</source>
        <comment>bad_marking</comment>
        <translation>The marking code is damaged or not a Chestny Znak code.</translation>
    </message>
    <message>
        <source>Already done for this unit.</source>
        <comment>already_in_state</comment>
        <translation>Already done for this unit.</translation>
    </message>
    <message>
        <source>This unit&apos;s journey is over: nothing more can be done.</source>
        <comment>final_state</comment>
        <translation>This unit&apos;s journey is over: nothing more can be done.</translation>
    </message>
    <message>
        <source>This action is not allowed for the unit in its state.</source>
        <comment>not_allowed</comment>
        <translation>This action is not allowed for the unit in its state.</translation>
    </message>
    <message>
        <source>This action is not allowed for the unit in its state.</source>
        <comment>illegal_transition</comment>
        <translation>This action is not allowed for the unit in its state.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <comment>forbidden_role</comment>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>This unit belongs to another site.</source>
        <comment>wrong_site</comment>
        <translation>This unit belongs to another site.</translation>
    </message>
    <message>
        <source>Unknown unit: not expected at this pickup point.</source>
        <comment>unknown_unit</comment>
        <translation>Unknown unit: not expected at this pickup point.</translation>
    </message>
    <message>
        <source>Unknown box: no shipment with this label.</source>
        <comment>unknown_box</comment>
        <translation>Unknown box: no shipment with this label.</translation>
    </message>
    <message>
        <source>Unknown cell at this pickup point.</source>
        <comment>unknown_cell</comment>
        <translation>Unknown cell at this pickup point.</translation>
    </message>
    <message>
        <source>Unknown order.</source>
        <comment>unknown_order</comment>
        <translation>Unknown order.</translation>
    </message>
    <message>
        <source>The cell is full: choose another one.</source>
        <comment>cell_full</comment>
        <translation>The cell is full: choose another one.</translation>
    </message>
    <message>
        <source>Wrong cell: scan the suggested cell&apos;s label.</source>
        <comment>wrong_cell</comment>
        <translation>Wrong cell: scan the suggested cell&apos;s label.</translation>
    </message>
    <message>
        <source>Wrong unit: this one is not in the current order.</source>
        <comment>wrong_unit</comment>
        <translation>Wrong unit: this one is not in the current order.</translation>
    </message>
    <message>
        <source>This unit was not shipped in this box.</source>
        <comment>not_in_box</comment>
        <translation>This unit was not shipped in this box.</translation>
    </message>
    <message>
        <source>The operation is malformed.</source>
        <comment>invalid_payload</comment>
        <translation>The operation is malformed.</translation>
    </message>
    <message>
        <source>The operation is malformed.</source>
        <comment>invalid_operation</comment>
        <translation>The operation is malformed.</translation>
    </message>
    <message>
        <source>Unknown operation type.</source>
        <comment>unknown_type</comment>
        <translation>Unknown operation type.</translation>
    </message>
    <message>
        <source>The journal&apos;s hash chain is broken: an operation is missing, out of order or altered.</source>
        <comment>broken_chain</comment>
        <translation>The journal&apos;s hash chain is broken: an operation is missing, out of order or altered.</translation>
    </message>
    <message>
        <source>Conflict: the order changed meanwhile.</source>
        <comment>conflict</comment>
        <translation>Conflict: the order changed meanwhile.</translation>
    </message>
    <message>
        <source>Open a shift first.</source>
        <comment>no_shift</comment>
        <translation>Open a shift first.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <comment>no_user</comment>
        <translation>Log in first.</translation>
    </message>
    <message>
        <source>This unit came in another box.</source>
        <comment>wrong_box</comment>
        <translation>This unit came in another box.</translation>
    </message>
    <message>
        <source>Wrong kind of box for this step.</source>
        <comment>wrong_box_kind</comment>
        <translation>Wrong kind of box for this step.</translation>
    </message>
    <message>
        <source>This box label is already in use.</source>
        <comment>box_exists</comment>
        <translation>This box label is already in use.</translation>
    </message>
    <message>
        <source>The box is already closed.</source>
        <comment>box_closed</comment>
        <translation>The box is already closed.</translation>
    </message>
    <message>
        <source>The box is empty: scan units into it first.</source>
        <comment>box_empty</comment>
        <translation>The box is empty: scan units into it first.</translation>
    </message>
    <message>
        <source>Every box on the route needs its seal, and only those boxes.</source>
        <comment>seal_required</comment>
        <translation>Every box on the route needs its seal, and only those boxes.</translation>
    </message>
    <message>
        <source>The box is not closed yet.</source>
        <comment>box_open</comment>
        <translation>The box is not closed yet.</translation>
    </message>
    <message>
        <source>This unit is not in a cell.</source>
        <comment>not_in_cell</comment>
        <translation>This unit is not in a cell.</translation>
    </message>
    <message>
        <source>This unit belongs to another order.</source>
        <comment>wrong_order</comment>
        <translation>This unit belongs to another order.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <comment>reason_required</comment>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <source>This unit is not to be returned.</source>
        <comment>not_returnable</comment>
        <translation>This unit is not to be returned.</translation>
    </message>
    <message>
        <source>This unit&apos;s storage is not over: it stays in its cell.</source>
        <comment>not_overdue</comment>
        <translation>This unit&apos;s storage is not over: it stays in its cell.</translation>
    </message>
    <message>
        <source>Only fetched clothes and shoes go to a fitting room: fetch them first.</source>
        <comment>no_try_on</comment>
        <translation>Only fetched clothes and shoes go to a fitting room: fetch them first.</translation>
    </message>
    <message>
        <source>Every fitting room is taken: wait for one to free up.</source>
        <comment>fitting_full</comment>
        <translation>Every fitting room is taken: wait for one to free up.</translation>
    </message>
    <message>
        <source>This fitting room is free already.</source>
        <comment>fitting_free</comment>
        <translation>This fitting room is free already.</translation>
    </message>
    <message>
        <source>This unit is not waiting in a cell here.</source>
        <comment>not_ready</comment>
        <translation>This unit is not waiting in a cell here.</translation>
    </message>
    <message>
        <source>The order is paid at pickup and its payment has not arrived: it cannot be issued.</source>
        <comment>payment_due</comment>
        <translation>The order is paid at pickup and its payment has not arrived: it cannot be issued.</translation>
    </message>
    <message>
        <source>This conflict no longer exists.</source>
        <comment>unknown_conflict</comment>
        <translation>This conflict no longer exists.</translation>
    </message>
    <message>
        <source>This conflict is already resolved.</source>
        <comment>already_resolved</comment>
        <translation>This conflict is already resolved.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <comment>wrong_password</comment>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <source>The saved login data is damaged: log in with a network connection.</source>
        <comment>bad_verifier</comment>
        <translation>The saved login data is damaged: log in with a network connection.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <comment>network</comment>
        <translation>No connection to the server.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <comment>invalid_credentials</comment>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <comment>bad_credentials</comment>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>This user has never logged in on this computer: connect to log in online.</source>
        <comment>unknown_user</comment>
        <translation>This user has never logged in on this computer: connect to log in online.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <comment>offline</comment>
        <translation>No connection to the server.</translation>
    </message>
    <message>
        <source>Settings need an administrator.</source>
        <comment>not_admin</comment>
        <translation>Settings need an administrator.</translation>
    </message>
    <message>
        <source>A disk or network error: nothing was recorded.</source>
        <comment>io_error</comment>
        <translation>A disk or network error: nothing was recorded.</translation>
    </message>
    <message>
        <source>Unexpected error: nothing was recorded. Tell support.</source>
        <comment>internal</comment>
        <translation>Unexpected error: nothing was recorded. Tell support.</translation>
    </message>
    <message>
        <source>The disk is full: the operation was not saved. Free some space and try again. Operations already confirmed are saved.</source>
        <comment>disk_full</comment>
        <translation>The disk is full: the operation was not saved. Free some space and try again. Operations already confirmed are saved.</translation>
    </message>
    <message>
        <source>The database is read-only: the operation was not saved. Check the permissions of the app&apos;s data folder.</source>
        <comment>read_only</comment>
        <translation>The database is read-only: the operation was not saved. Check the permissions of the app&apos;s data folder.</translation>
    </message>
    <message>
        <source>The database is busy in another process: the operation was not saved. Close the second copy of the app and try again.</source>
        <comment>locked</comment>
        <translation>The database is busy in another process: the operation was not saved. Close the second copy of the app and try again.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not this app&apos;s database.</source>
        <comment>corrupt</comment>
        <translation>The database file is damaged or is not this app&apos;s database.</translation>
    </message>
    <message>
        <source>The app&apos;s database could not be opened.</source>
        <comment>cannot_open</comment>
        <translation>The app&apos;s database could not be opened.</translation>
    </message>
    <message>
        <source>The app&apos;s files could not be written: the operation was not saved.</source>
        <comment>store_io</comment>
        <translation>The app&apos;s files could not be written: the operation was not saved.</translation>
    </message>
    <message>
        <source>Local database error: the operation was not saved.</source>
        <comment>store_error</comment>
        <translation>Local database error: the operation was not saved.</translation>
    </message>
    <message>
        <source>The app&apos;s data folder could not be created.</source>
        <comment>data_folder</comment>
        <translation>The app&apos;s data folder could not be created.</translation>
    </message>
    <message>
        <source>The database did not switch to WAL mode.</source>
        <comment>no_wal</comment>
        <translation>The database did not switch to WAL mode.</translation>
    </message>
    <message>
        <source>This database belongs to another device: its operation journal cannot be continued.</source>
        <comment>foreign_device</comment>
        <translation>This database belongs to another device: its operation journal cannot be continued.</translation>
    </message>
    <message>
        <source>The database was created by a newer version of the app: install that version again (an older version may damage the data).</source>
        <comment>newer_schema</comment>
        <translation>The database was created by a newer version of the app: install that version again (an older version may damage the data).</translation>
    </message>
    <message>
        <source>The photo could not be saved in the app&apos;s data folder.</source>
        <comment>photo_not_saved</comment>
        <translation>The photo could not be saved in the app&apos;s data folder.</translation>
    </message>
    <message>
        <source>Unknown storage location.</source>
        <comment>unknown_location</comment>
        <translation>Unknown storage location.</translation>
    </message>
    <message>
        <source>Unknown pick task: sync and try again.</source>
        <comment>unknown_task</comment>
        <translation>Unknown pick task: sync and try again.</translation>
    </message>
    <message>
        <source>This unit is not in the pick task.</source>
        <comment>not_in_task</comment>
        <translation>This unit is not in the pick task.</translation>
    </message>
    <message>
        <source>Wrong destination: this goes to another pickup point.</source>
        <comment>wrong_destination</comment>
        <translation>Wrong destination: this goes to another pickup point.</translation>
    </message>
    <message>
        <source>The route is already closed.</source>
        <comment>route_closed</comment>
        <translation>The route is already closed.</translation>
    </message>
    <message>
        <source>Unknown route.</source>
        <comment>unknown_route</comment>
        <translation>Unknown route.</translation>
    </message>
    <message>
        <source>This action is not possible for the unit in its current status.</source>
        <comment>wrong_status</comment>
        <translation>This action is not possible for the unit in its current status.</translation>
    </message>
    <message>
        <source>the server is temporarily unavailable ({status}): {text}</source>
        <comment>sync_server_busy</comment>
        <translation>the server is temporarily unavailable ({status}): {text}</translation>
    </message>
    <message>
        <source>the session has expired: log in again</source>
        <comment>sync_session_expired</comment>
        <translation>the session has expired: log in again</translation>
    </message>
    <message>
        <source>the server refused the request ({status}): {text}</source>
        <comment>sync_refused</comment>
        <translation>the server refused the request ({status}): {text}</translation>
    </message>
    <message>
        <source>no answer from the server (timeout)</source>
        <comment>sync_timeout</comment>
        <translation>no answer from the server (timeout)</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <comment>sync_offline</comment>
        <translation>no connection to the server</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <comment>sync_unexpected</comment>
        <translation>unexpected error: {error}</translation>
    </message>
    <message>
        <source>the server did not answer in JSON</source>
        <comment>sync_not_json</comment>
        <translation>the server did not answer in JSON</translation>
    </message>
    <message>
        <source>the server does not know this device&apos;s earlier operations (a gap in the numbering); call the administrator</source>
        <comment>sync_seq_gap</comment>
        <translation>the server does not know this device&apos;s earlier operations (a gap in the numbering); call the administrator</translation>
    </message>
    <message>
        <source>the server answered the push without results</source>
        <comment>sync_no_results</comment>
        <translation>the server answered the push without results</translation>
    </message>
    <message>
        <source>the server confirmed none of the operations</source>
        <comment>sync_none_confirmed</comment>
        <translation>the server confirmed none of the operations</translation>
    </message>
    <message>
        <source>the server did not give a new device number</source>
        <comment>sync_no_epoch</comment>
        <translation>the server did not give a new device number</translation>
    </message>
    <message>
        <source>the server&apos;s answer with the changes is incomplete</source>
        <comment>sync_pull_incomplete</comment>
        <translation>the server&apos;s answer with the changes is incomplete</translation>
    </message>
    <message>
        <source>the server sent an incomplete answer to the login</source>
        <comment>auth_bad_answer</comment>
        <translation>the server sent an incomplete answer to the login</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <comment>auth_network</comment>
        <translation>no connection to the server</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <comment>auth_invalid_credentials</comment>
        <translation>wrong user name or password</translation>
    </message>
    <message>
        <source>too many failed attempts, wait</source>
        <comment>auth_too_many_attempts</comment>
        <translation>too many failed attempts, wait</translation>
    </message>
    <message>
        <source>server error ({status})</source>
        <comment>auth_server</comment>
        <translation>server error ({status})</translation>
    </message>
    <message>
        <source>this user works at another site, and this computer is set up for this one: call the administrator</source>
        <comment>auth_wrong_site</comment>
        <translation>this user works at another site, and this computer is set up for this one: call the administrator</translation>
    </message>
    <message>
        <source>this device is assigned to another site: call the administrator</source>
        <comment>auth_wrong_device</comment>
        <translation>this device is assigned to another site: call the administrator</translation>
    </message>
    <message>
        <source>this device was taken out of service by the administrator</source>
        <comment>auth_device_retired</comment>
        <translation>this device was taken out of service by the administrator</translation>
    </message>
    <message>
        <source>login refused ({status}): {text}</source>
        <comment>auth_rejected</comment>
        <translation>login refused ({status}): {text}</translation>
    </message>
    <message>
        <source>too many wrong passwords: wait {minutes} minutes or log in with a network connection</source>
        <comment>locked_out</comment>
        <translation>too many wrong passwords: wait {minutes} minutes or log in with a network connection</translation>
    </message>
    <message>
        <source>nobody is logged in</source>
        <comment>no_session</comment>
        <translation>nobody is logged in</translation>
    </message>
    <message>
        <source>This system has no secure password storage: after a restart of the app you will have to log in again.</source>
        <comment>insecure_keyring</comment>
        <translation>This system has no secure password storage: after a restart of the app you will have to log in again.</translation>
    </message>
    <message>
        <source>The code is valid.</source>
        <comment>pickup_ok</comment>
        <translation>The code is valid.</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <comment>empty</comment>
        <translation>Nothing was scanned.</translation>
    </message>
    <message>
        <source>The code is too long ({length} characters) to be one of our labels.</source>
        <comment>too_long</comment>
        <translation>The code is too long ({length} characters) to be one of our labels.</translation>
    </message>
    <message>
        <source>Unknown barcode. Scan a product, unit, cell, box or document label.</source>
        <comment>unknown_format</comment>
        <translation>Unknown barcode. Scan a product, unit, cell, box or document label.</translation>
    </message>
    <message>
        <source>This looks like {kind}, but the code is incomplete or damaged. Scan it again.</source>
        <comment>malformed</comment>
        <translation>This looks like {kind}, but the code is incomplete or damaged. Scan it again.</translation>
    </message>
    <message>
        <source>The check digit does not match: the label is damaged or misprinted. Scan it again or type the code.</source>
        <comment>bad_check_digit</comment>
        <translation>The check digit does not match: the label is damaged or misprinted. Scan it again or type the code.</translation>
    </message>
    <message>
        <source>The GS1 data in this barcode is broken ({detail}). Scan it again.</source>
        <comment>bad_gs1</comment>
        <translation>The GS1 data in this barcode is broken ({detail}). Scan it again.</translation>
    </message>
    <message>
        <source>This box label is not one of ours.</source>
        <comment>foreign_box</comment>
        <translation>This box label is not one of ours.</translation>
    </message>
    <message>
        <source>Wrong label: scan {expected}, not {scanned}.</source>
        <comment>wrong_kind</comment>
        <translation>Wrong label: scan {expected}, not {scanned}.</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <comment>either_or</comment>
        <translation>{first} or {second}</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Shift opened</source>
        <translation>Shift opened</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>Move to another cell</source>
        <translation>Move to another cell</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>Shortage</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>Damage</translation>
    </message>
    <message>
        <source>Unit found</source>
        <translation>Unit found</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Surplus</translation>
    </message>
    <message>
        <source>Acceptance closed</source>
        <translation>Acceptance closed</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>To the fitting room</source>
        <translation>To the fitting room</translation>
    </message>
    <message>
        <source>Return box opened</source>
        <translation>Return box opened</translation>
    </message>
    <message>
        <source>Return packing</source>
        <translation>Return packing</translation>
    </message>
    <message>
        <source>Return box closed</source>
        <translation>Return box closed</translation>
    </message>
    <message>
        <source>Handover to the courier</source>
        <translation>Handover to the courier</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <source>Picked unit</source>
        <translation>Picked unit</translation>
    </message>
    <message>
        <source>Skipped unit</source>
        <translation>Skipped unit</translation>
    </message>
    <message>
        <source>Box opened</source>
        <translation>Box opened</translation>
    </message>
    <message>
        <source>Unit packed</source>
        <translation>Unit packed</translation>
    </message>
    <message>
        <source>Box closed</source>
        <translation>Box closed</translation>
    </message>
    <message>
        <source>Box onto a route</source>
        <translation>Box onto a route</translation>
    </message>
    <message>
        <source>Route closed</source>
        <translation>Route closed</translation>
    </message>
    <message>
        <source>Return received</source>
        <translation>Return received</translation>
    </message>
    <message>
        <source>Return receipt closed</source>
        <translation>Return receipt closed</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Cycle count</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>Put-away</translation>
    </message>
    <message>
        <source>Label reprinted</source>
        <translation>Label reprinted</translation>
    </message>
</context>
<context>
    <name>PhotoCaptureDialog</name>
    <message>
        <source>Photo evidence</source>
        <translation>Photo evidence</translation>
    </message>
    <message>
        <source>F1  Photo</source>
        <translation>F1  Photo</translation>
    </message>
    <message>
        <source>F2  File…</source>
        <translation>F2  File…</translation>
    </message>
    <message>
        <source>Space  Take photo</source>
        <translation>Space  Take photo</translation>
    </message>
    <message>
        <source>Ctrl+O  From file…</source>
        <translation>Ctrl+O  From file…</translation>
    </message>
    <message>
        <source>Enter  Done</source>
        <translation>Enter  Done</translation>
    </message>
    <message>
        <source>No camera found: choose a photo file (F2).</source>
        <translation>No camera found: choose a photo file (F2).</translation>
    </message>
    <message>
        <source>No camera found: choose a photo file (Ctrl+O).</source>
        <translation>No camera found: choose a photo file (Ctrl+O).</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Starting the camera…</translation>
    </message>
    <message>
        <source>The camera has not shown a picture yet.</source>
        <translation>The camera has not shown a picture yet.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.webp)</source>
        <translation>Pictures (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
    </message>
    <message>
        <source>This file is not a picture that can be kept.</source>
        <translation>This file is not a picture that can be kept.</translation>
    </message>
    <message>
        <source>This picture cannot be kept: only JPEG or PNG up to 8 MiB.</source>
        <translation>This picture cannot be kept: only JPEG or PNG up to 8 MiB.</translation>
    </message>
    <message>
        <source>The photo was not saved: %1</source>
        <translation>The photo was not saved: %1</translation>
    </message>
    <message>
        <source>Photo kept (%1 in all). It is sent to the server with the next sync.</source>
        <translation>Photo kept (%1 in all). It is sent to the server with the next sync.</translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <source>Log in again</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>The server ended the session of %1. Enter the password to continue syncing: the screen you are on stays as it is.</source>
        <translation>The server ended the session of %1. Enter the password to continue syncing: the screen you are on stays as it is.</translation>
    </message>
    <message>
        <source>%1 operations wait on this device and will be sent.</source>
        <translation>%1 operations wait on this device and will be sent.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Password of %1</translation>
    </message>
    <message>
        <source>Enter  Log in</source>
        <translation>Enter  Log in</translation>
    </message>
    <message>
        <source>Esc  Later</source>
        <translation>Esc  Later</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>The server does not answer: try again in a moment. Your work is kept.</source>
        <translation>The server does not answer: try again in a moment. Your work is kept.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Box acceptance report</source>
        <comment>acceptance.title</comment>
        <translation>Box acceptance report</translation>
    </message>
    <message>
        <source>Handover act</source>
        <comment>handover.title</comment>
        <translation>Handover act</translation>
    </message>
    <message>
        <source>Shift report</source>
        <comment>shift.title</comment>
        <translation>Shift report</translation>
    </message>
    <message>
        <source>Site</source>
        <comment>site</comment>
        <translation>Site</translation>
    </message>
    <message>
        <source>Box (SSCC)</source>
        <comment>box</comment>
        <translation>Box (SSCC)</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>date</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Clerk</source>
        <comment>clerk</comment>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Courier</source>
        <comment>courier</comment>
        <translation>Courier</translation>
    </message>
    <message>
        <source>Direction</source>
        <comment>direction</comment>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <comment>opened</comment>
        <translation>Shift opened</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <comment>closed</comment>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>No.</source>
        <comment>no</comment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Unit</source>
        <comment>unit</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <comment>product</comment>
        <translation>Product</translation>
    </message>
    <message>
        <source>Cell</source>
        <comment>cell</comment>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Result</source>
        <comment>result</comment>
        <translation>Result</translation>
    </message>
    <message>
        <source>Units</source>
        <comment>units</comment>
        <translation>Units</translation>
    </message>
    <message>
        <source>Operation</source>
        <comment>operation</comment>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Count</source>
        <comment>count</comment>
        <translation>Count</translation>
    </message>
    <message>
        <source>Expected</source>
        <comment>expected</comment>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>accepted</comment>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Missing</source>
        <comment>missing</comment>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Surplus</source>
        <comment>surplus</comment>
        <translation>Surplus</translation>
    </message>
    <message>
        <source>Damaged</source>
        <comment>damaged</comment>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Boxes in total</source>
        <comment>total_boxes</comment>
        <translation>Boxes in total</translation>
    </message>
    <message>
        <source>Units in total</source>
        <comment>total_units</comment>
        <translation>Units in total</translation>
    </message>
    <message>
        <source>PVZ clerk</source>
        <comment>sign.clerk</comment>
        <translation>PVZ clerk</translation>
    </message>
    <message>
        <source>Courier</source>
        <comment>sign.courier</comment>
        <translation>Courier</translation>
    </message>
    <message>
        <source>Manager</source>
        <comment>sign.manager</comment>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Handed to the courier</source>
        <comment>out</comment>
        <translation>Handed to the courier</translation>
    </message>
    <message>
        <source>Received from the courier</source>
        <comment>in</comment>
        <translation>Received from the courier</translation>
    </message>
    <message>
        <source>still open</source>
        <comment>open</comment>
        <translation>still open</translation>
    </message>
</context>
<context>
    <name>ScannerBridge</name>
    <message>
        <source>A question is open on the screen: answer it first. The scan was not applied.</source>
        <translation>A question is open on the screen: answer it first. The scan was not applied.</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Choose the serial port of a USB or serial scanner. A scanner that types like a keyboard needs no port.</source>
        <translation>Choose the serial port of a USB or serial scanner. A scanner that types like a keyboard needs no port.</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Search again</translation>
    </message>
    <message>
        <source>Scanner port:</source>
        <translation>Scanner port:</translation>
    </message>
    <message>
        <source>No serial port (keyboard scanner)</source>
        <translation>No serial port (keyboard scanner)</translation>
    </message>
    <message>
        <source>Cannot list the serial ports: %1</source>
        <translation>Cannot list the serial ports: %1</translation>
    </message>
    <message numerus="yes">
        <source>Found %n serial port(s).</source>
        <translation>
            <numerusform>Found %n serial port(s).</numerusform>
            <numerusform>Found %n serial port(s).</numerusform>
        </translation>
    </message>
    <message>
        <source>No serial port found. Plug the scanner in and press Search again, or go on with a keyboard scanner.</source>
        <translation>No serial port found. Plug the scanner in and press Search again, or go on with a keyboard scanner.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>WB Ops: first-run setup</source>
        <translation>WB Ops: first-run setup</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>The pickup point or warehouse this device belongs to.</source>
        <translation>The pickup point or warehouse this device belongs to.</translation>
    </message>
    <message>
        <source>Site id:</source>
        <translation>Site id:</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>Device id:</translation>
    </message>
    <message>
        <source>A site id is capital letters, digits and dashes, like PVZ-12 or WH-MSK-1.</source>
        <translation>A site id is capital letters, digits and dashes, like PVZ-12 or WH-MSK-1.</translation>
    </message>
    <message>
        <source>The server has no site %1. Check the id: an administrator creates sites with wb-backend create-site.</source>
        <translation>The server has no site %1. Check the id: an administrator creates sites with wb-backend create-site.</translation>
    </message>
    <message>
        <source>%1 is not a site for this app (it is a %2 site).</source>
        <translation>%1 is not a site for this app (it is a %2 site).</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The app cannot open its local database</source>
        <translation>The app cannot open its local database</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <source>picked at the warehouse</source>
        <translation>picked at the warehouse</translation>
    </message>
    <message>
        <source>packed at the warehouse</source>
        <translation>packed at the warehouse</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>in transit</translation>
    </message>
    <message>
        <source>in a cell</source>
        <translation>in a cell</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>in a return box</source>
        <translation>in a return box</translation>
    </message>
    <message>
        <source>returned to the courier</source>
        <translation>returned to the courier</translation>
    </message>
    <message>
        <source>back at the warehouse</source>
        <translation>back at the warehouse</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>The server ended the session: log in again to send the queue.</source>
        <translation>The server ended the session: log in again to send the queue.</translation>
    </message>
    <message>
        <source>No answer from the server for %1 s.</source>
        <translation>No answer from the server for %1 s.</translation>
    </message>
    <message>
        <source>No answer from the server.</source>
        <translation>No answer from the server.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <translation>No connection to the server.</translation>
    </message>
    <message>
        <source>The server has a fault: trying again.</source>
        <translation>The server has a fault: trying again.</translation>
    </message>
    <message>
        <source>The server is missing earlier operations of this device: call the administrator.</source>
        <translation>The server is missing earlier operations of this device: call the administrator.</translation>
    </message>
    <message>
        <source>The server refused the data: call the administrator.</source>
        <translation>The server refused the data: call the administrator.</translation>
    </message>
    <message>
        <source>The local database failed: call the administrator.</source>
        <translation>The local database failed: call the administrator.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>● Syncing…</source>
        <translation>● Syncing…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>● No answer</source>
        <translation>● No answer</translation>
    </message>
    <message>
        <source>● Log in again</source>
        <translation>● Log in again</translation>
    </message>
    <message>
        <source>Pending: %1 (oldest %2)</source>
        <translation>Pending: %1 (oldest %2)</translation>
    </message>
    <message>
        <source>Pending: 0</source>
        <translation>Pending: 0</translation>
    </message>
    <message>
        <source>Last sync: %1 (%2)</source>
        <translation>Last sync: %1 (%2)</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>Scanner: ready</source>
        <translation>Scanner: ready</translation>
    </message>
    <message>
        <source>Scanner: disconnected</source>
        <translation>Scanner: disconnected</translation>
    </message>
    <message>
        <source>Scanner: keyboard</source>
        <translation>Scanner: keyboard</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Not logged in</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Check the settings and press Finish to save them.</source>
        <translation>Check the settings and press Finish to save them.</translation>
    </message>
    <message>
        <source>none (keyboard scanner)</source>
        <translation>none (keyboard scanner)</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Backend: %1</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Site: %1</translation>
    </message>
    <message>
        <source>Device id: %1</source>
        <translation>Device id: %1</translation>
    </message>
    <message>
        <source>Scanner port: %1</source>
        <translation>Scanner port: %1</translation>
    </message>
    <message>
        <source>The connection was not checked: the app will retry it on start.</source>
        <translation>The connection was not checked: the app will retry it on start.</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Cannot save the settings: %1</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Unknown unit label {label}: sync and try again.</source>
        <comment>unknown_unit_label</comment>
        <translation>Unknown unit label {label}: sync and try again.</translation>
    </message>
    <message>
        <source>Unknown box {box}: sync and try again.</source>
        <comment>unknown_box_label</comment>
        <translation>Unknown box {box}: sync and try again.</translation>
    </message>
    <message>
        <source>Unknown product barcode {gtin}.</source>
        <comment>unknown_product</comment>
        <translation>Unknown product barcode {gtin}.</translation>
    </message>
    <message>
        <source>Unknown location {location}.</source>
        <comment>unknown_location</comment>
        <translation>Unknown location {location}.</translation>
    </message>
    <message>
        <source>Task done: every item is picked</source>
        <comment>pick_done</comment>
        <translation>Task done: every item is picked</translation>
    </message>
    <message>
        <source>Task done with a shortage: picked {picked} of {total}, {short} short</source>
        <comment>pick_done_short</comment>
        <translation>Task done with a shortage: picked {picked} of {total}, {short} short</translation>
    </message>
    <message>
        <source>Go to {location} and scan the location</source>
        <comment>pick_scan_location</comment>
        <translation>Go to {location} and scan the location</translation>
    </message>
    <message>
        <source>Scan the item: {product}</source>
        <comment>pick_scan_unit</comment>
        <translation>Scan the item: {product}</translation>
    </message>
    <message>
        <source>Scan the location {location} first.</source>
        <comment>pick_location_first</comment>
        <translation>Scan the location {location} first.</translation>
    </message>
    <message>
        <source>Wrong location {scanned}: this item is at {location}.</source>
        <comment>pick_wrong_location</comment>
        <translation>Wrong location {scanned}: this item is at {location}.</translation>
    </message>
    <message>
        <source>Location {location} confirmed.</source>
        <comment>pick_location_ok</comment>
        <translation>Location {location} confirmed.</translation>
    </message>
    <message>
        <source>Wrong product: this item is {product}.</source>
        <comment>pick_wrong_product</comment>
        <translation>Wrong product: this item is {product}.</translation>
    </message>
    <message>
        <source>Enough: this item needs {demand} and all are picked.</source>
        <comment>pick_demand_met</comment>
        <translation>Enough: this item needs {demand} and all are picked.</translation>
    </message>
    <message>
        <source>Not at this stop: this item is picked at {location} (stop {stop}). You are at {here}.</source>
        <comment>pick_unit_elsewhere</comment>
        <translation>Not at this stop: this item is picked at {location} (stop {stop}). You are at {here}.</translation>
    </message>
    <message>
        <source>Unit {label} is not in this task.</source>
        <comment>pick_not_in_task</comment>
        <translation>Unit {label} is not in this task.</translation>
    </message>
    <message>
        <source>Already picked: never more than the demand ({demand}).</source>
        <comment>pick_already_picked</comment>
        <translation>Already picked: never more than the demand ({demand}).</translation>
    </message>
    <message>
        <source>This unit cannot be picked: it is {status}.</source>
        <comment>pick_not_pickable</comment>
        <translation>This unit cannot be picked: it is {status}.</translation>
    </message>
    <message>
        <source>Picked {picked} of {demand}.</source>
        <comment>pick_unit_ok</comment>
        <translation>Picked {picked} of {demand}.</translation>
    </message>
    <message>
        <source>Short {count}: another one is at {location}, pick it there.</source>
        <comment>pick_short_moved</comment>
        <translation>Short {count}: another one is at {location}, pick it there.</translation>
    </message>
    <message>
        <source>Short {count}: none left in the warehouse, the customer is told.</source>
        <comment>pick_short_told</comment>
        <translation>Short {count}: none left in the warehouse, the customer is told.</translation>
    </message>
    <message>
        <source>Scan the tote for cart place {position}</source>
        <comment>cart_scan_tote</comment>
        <translation>Scan the tote for cart place {position}</translation>
    </message>
    <message>
        <source>{tasks} totes on the cart: start the walk</source>
        <comment>cart_ready</comment>
        <translation>{tasks} totes on the cart: start the walk</translation>
    </message>
    <message>
        <source>Tote {tote} is place {position}.</source>
        <comment>cart_tote_bound</comment>
        <translation>Tote {tote} is place {position}.</translation>
    </message>
    <message>
        <source>This tote is already place {position}.</source>
        <comment>cart_tote_taken</comment>
        <translation>This tote is already place {position}.</translation>
    </message>
    <message>
        <source>Every task of the cart has its tote ({tasks}).</source>
        <comment>cart_full</comment>
        <translation>Every task of the cart has its tote ({tasks}).</translation>
    </message>
    <message>
        <source>Scan at least one tote first.</source>
        <comment>cart_no_totes</comment>
        <translation>Scan at least one tote first.</translation>
    </message>
    <message>
        <source>Walk with {tasks} totes: go to the first location.</source>
        <comment>cart_walk_starts</comment>
        <translation>Walk with {tasks} totes: go to the first location.</translation>
    </message>
    <message>
        <source>Cart done: every item is in its tote</source>
        <comment>cart_done</comment>
        <translation>Cart done: every item is in its tote</translation>
    </message>
    <message>
        <source>Put it into tote {position} and scan the tote</source>
        <comment>cart_put_into</comment>
        <translation>Put it into tote {position} and scan the tote</translation>
    </message>
    <message>
        <source>In tote {position}.</source>
        <comment>cart_put_ok</comment>
        <translation>In tote {position}.</translation>
    </message>
    <message>
        <source>Wrong tote {scanned}: this item goes into tote {position}.</source>
        <comment>cart_wrong_tote</comment>
        <translation>Wrong tote {scanned}: this item goes into tote {position}.</translation>
    </message>
    <message>
        <source>Put the item into tote {position} first.</source>
        <comment>cart_tote_first</comment>
        <translation>Put the item into tote {position} first.</translation>
    </message>
    <message>
        <source>Scan an item first, then its tote.</source>
        <comment>cart_unit_first</comment>
        <translation>Scan an item first, then its tote.</translation>
    </message>
    <message>
        <source>No item of this product is wanted at {location}.</source>
        <comment>cart_product_not_here</comment>
        <translation>No item of this product is wanted at {location}.</translation>
    </message>
    <message>
        <source>Item {label} is in no task of this cart.</source>
        <comment>cart_not_on_cart</comment>
        <translation>Item {label} is in no task of this cart.</translation>
    </message>
    <message>
        <source>Scan a box label or make a new one</source>
        <comment>pack_scan_box</comment>
        <translation>Scan a box label or make a new one</translation>
    </message>
    <message>
        <source>Box closed: print its label, then take the next box</source>
        <comment>pack_closed</comment>
        <translation>Box closed: print its label, then take the next box</translation>
    </message>
    <message>
        <source>Scan the first picked unit</source>
        <comment>pack_scan_first_unit</comment>
        <translation>Scan the first picked unit</translation>
    </message>
    <message>
        <source>Scan units for {pvz}</source>
        <comment>pack_scan_unit</comment>
        <translation>Scan units for {pvz}</translation>
    </message>
    <message>
        <source>This is a return box label: use a forward box.</source>
        <comment>pack_return_box</comment>
        <translation>This is a return box label: use a forward box.</translation>
    </message>
    <message>
        <source>This box is already open.</source>
        <comment>pack_same_box</comment>
        <translation>This box is already open.</translation>
    </message>
    <message>
        <source>Box {box} is already closed.</source>
        <comment>pack_box_closed</comment>
        <translation>Box {box} is already closed.</translation>
    </message>
    <message>
        <source>Box reopened: {count} units in it.</source>
        <comment>pack_box_resumed</comment>
        <translation>Box reopened: {count} units in it.</translation>
    </message>
    <message>
        <source>New box: scan the first unit.</source>
        <comment>pack_box_new</comment>
        <translation>New box: scan the first unit.</translation>
    </message>
    <message>
        <source>Close this box before starting another one.</source>
        <comment>pack_close_first</comment>
        <translation>Close this box before starting another one.</translation>
    </message>
    <message>
        <source>Scan a box label first.</source>
        <comment>pack_box_first</comment>
        <translation>Scan a box label first.</translation>
    </message>
    <message>
        <source>This unit is already in this box.</source>
        <comment>pack_already_here</comment>
        <translation>This unit is already in this box.</translation>
    </message>
    <message>
        <source>This unit is already packed in box {box}.</source>
        <comment>pack_in_other_box</comment>
        <translation>This unit is already packed in box {box}.</translation>
    </message>
    <message>
        <source>Only picked units can be packed: this one is {status}.</source>
        <comment>pack_not_picked</comment>
        <translation>Only picked units can be packed: this one is {status}.</translation>
    </message>
    <message>
        <source>STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside.</source>
        <comment>pack_wrong_pvz</comment>
        <translation>STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside.</translation>
    </message>
    <message>
        <source>In the box: {count} for {pvz}.</source>
        <comment>pack_unit_ok</comment>
        <translation>In the box: {count} for {pvz}.</translation>
    </message>
    <message>
        <source>The box is empty.</source>
        <comment>pack_empty</comment>
        <translation>The box is empty.</translation>
    </message>
    <message>
        <source>Box closed with {count} units.</source>
        <comment>pack_close_ok</comment>
        <translation>Box closed with {count} units.</translation>
    </message>
    <message>
        <source>Route closed: the boxes are on their way</source>
        <comment>ship_closed</comment>
        <translation>Route closed: the boxes are on their way</translation>
    </message>
    <message>
        <source>Scan the first closed box</source>
        <comment>ship_scan_first_box</comment>
        <translation>Scan the first closed box</translation>
    </message>
    <message>
        <source>Scan boxes for {pvz}</source>
        <comment>ship_scan_box</comment>
        <translation>Scan boxes for {pvz}</translation>
    </message>
    <message>
        <source>This route is closed: start a new one.</source>
        <comment>ship_route_closed</comment>
        <translation>This route is closed: start a new one.</translation>
    </message>
    <message>
        <source>This is a return box: it does not go on a route.</source>
        <comment>ship_return_box</comment>
        <translation>This is a return box: it does not go on a route.</translation>
    </message>
    <message>
        <source>This box is already on the route.</source>
        <comment>ship_already_on_route</comment>
        <translation>This box is already on the route.</translation>
    </message>
    <message>
        <source>This box is already on another route.</source>
        <comment>ship_on_other_route</comment>
        <translation>This box is already on another route.</translation>
    </message>
    <message>
        <source>This box is still open: close it at packing first.</source>
        <comment>ship_box_open</comment>
        <translation>This box is still open: close it at packing first.</translation>
    </message>
    <message>
        <source>STOP: this box goes to {box_pvz}, the route goes to {route_pvz}.</source>
        <comment>ship_wrong_pvz</comment>
        <translation>STOP: this box goes to {box_pvz}, the route goes to {route_pvz}.</translation>
    </message>
    <message>
        <source>On the route: {count} boxes.</source>
        <comment>ship_box_ok</comment>
        <translation>On the route: {count} boxes.</translation>
    </message>
    <message>
        <source>No boxes on the route yet.</source>
        <comment>ship_empty</comment>
        <translation>No boxes on the route yet.</translation>
    </message>
    <message>
        <source>{count} more boxes for {pvz} are waiting: {boxes}. Scan them, or press Close route again to leave them for a later route.</source>
        <comment>ship_left_behind</comment>
        <translation>{count} more boxes for {pvz} are waiting: {boxes}. Scan them, or press Close route again to leave them for a later route.</translation>
    </message>
    <message>
        <source>Route closed: {boxes} boxes, {units} units shipped.</source>
        <comment>ship_close_ok</comment>
        <translation>Route closed: {boxes} boxes, {units} units shipped.</translation>
    </message>
    <message>
        <source>Hand over: scan the courier&apos;s badge</source>
        <comment>ship_scan_badge</comment>
        <translation>Hand over: scan the courier&apos;s badge</translation>
    </message>
    <message>
        <source>Scan the seal on box {box} ({done} of {total})</source>
        <comment>ship_scan_seal</comment>
        <translation>Scan the seal on box {box} ({done} of {total})</translation>
    </message>
    <message>
        <source>Courier {badge}. Seal box {box} and scan the seal.</source>
        <comment>ship_badge_ok</comment>
        <translation>Courier {badge}. Seal box {box} and scan the seal.</translation>
    </message>
    <message>
        <source>Box {box}: seal {seal}. Next: box {next}.</source>
        <comment>ship_seal_ok</comment>
        <translation>Box {box}: seal {seal}. Next: box {next}.</translation>
    </message>
    <message>
        <source>Seal {seal} is already on another box: use a new seal.</source>
        <comment>ship_seal_used</comment>
        <translation>Seal {seal} is already on another box: use a new seal.</translation>
    </message>
    <message>
        <source>Scan a return box from a pickup point</source>
        <comment>ret_scan_box</comment>
        <translation>Scan a return box from a pickup point</translation>
    </message>
    <message>
        <source>Return box received: scan the next one</source>
        <comment>ret_closed</comment>
        <translation>Return box received: scan the next one</translation>
    </message>
    <message>
        <source>Scan the units: {left} left</source>
        <comment>ret_scan_unit</comment>
        <translation>Scan the units: {left} left</translation>
    </message>
    <message>
        <source>Return box with {count} units: scan them.</source>
        <comment>ret_box_ok</comment>
        <translation>Return box with {count} units: scan them.</translation>
    </message>
    <message>
        <source>Scan the return box first.</source>
        <comment>ret_box_first</comment>
        <translation>Scan the return box first.</translation>
    </message>
    <message>
        <source>Unit {label} was not sent in this box.</source>
        <comment>ret_not_in_box</comment>
        <translation>Unit {label} was not sent in this box.</translation>
    </message>
    <message>
        <source>This unit is already received.</source>
        <comment>ret_already</comment>
        <translation>This unit is already received.</translation>
    </message>
    <message>
        <source>This unit cannot be received: it is {status}.</source>
        <comment>ret_not_receivable</comment>
        <translation>This unit cannot be received: it is {status}.</translation>
    </message>
    <message>
        <source>Received {done} of {total}.</source>
        <comment>ret_unit_ok</comment>
        <translation>Received {done} of {total}.</translation>
    </message>
    <message>
        <source>Close this return box first.</source>
        <comment>ret_close_first</comment>
        <translation>Close this return box first.</translation>
    </message>
    <message>
        <source>This is not a return box.</source>
        <comment>ret_not_return_box</comment>
        <translation>This is not a return box.</translation>
    </message>
    <message>
        <source>No units are known for this box: sync and try again.</source>
        <comment>ret_box_empty</comment>
        <translation>No units are known for this box: sync and try again.</translation>
    </message>
    <message>
        <source>Closed: {received} received, {missing} missing.</source>
        <comment>ret_close_ok</comment>
        <translation>Closed: {received} received, {missing} missing.</translation>
    </message>
    <message>
        <source>Scan the seal on box {box} (F1: none, F4: broken)</source>
        <comment>ret_scan_seal</comment>
        <translation>Scan the seal on box {box} (F1: none, F4: broken)</translation>
    </message>
    <message>
        <source>Seal {seal} recorded: scan the units.</source>
        <comment>ret_seal_ok</comment>
        <translation>Seal {seal} recorded: scan the units.</translation>
    </message>
    <message>
        <source>Scan the seal on the box first (F1 if it has none).</source>
        <comment>ret_seal_first</comment>
        <translation>Scan the seal on the box first (F1 if it has none).</translation>
    </message>
    <message>
        <source>Recorded: the box came without a seal.</source>
        <comment>ret_no_seal</comment>
        <translation>Recorded: the box came without a seal.</translation>
    </message>
    <message>
        <source>Seal recorded as broken, photos of the box: {photos}.</source>
        <comment>ret_seal_broken</comment>
        <translation>Seal recorded as broken, photos of the box: {photos}.</translation>
    </message>
    <message>
        <source>Scan a location to count</source>
        <comment>count_scan_location</comment>
        <translation>Scan a location to count</translation>
    </message>
    <message>
        <source>Scan everything on {location}</source>
        <comment>count_scan_items</comment>
        <translation>Scan everything on {location}</translation>
    </message>
    <message>
        <source>This unit is already counted.</source>
        <comment>count_unit_twice</comment>
        <translation>This unit is already counted.</translation>
    </message>
    <message>
        <source>Finish this count first.</source>
        <comment>count_finish_first</comment>
        <translation>Finish this count first.</translation>
    </message>
    <message>
        <source>Counting {location}.</source>
        <comment>count_location_ok</comment>
        <translation>Counting {location}.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <comment>count_item</comment>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Count saved: {differences} differences.</source>
        <comment>count_done</comment>
        <translation>Count saved: {differences} differences.</translation>
    </message>
    <message>
        <source>Scan the box or unit label to print again</source>
        <comment>reprint_scan</comment>
        <translation>Scan the box or unit label to print again</translation>
    </message>
    <message>
        <source>{code}: why print it again?</source>
        <comment>reprint_reason</comment>
        <translation>{code}: why print it again?</translation>
    </message>
    <message>
        <source>{what}</source>
        <comment>reprint_found</comment>
        <translation>{what}</translation>
    </message>
    <message>
        <source>{code} is not known here.</source>
        <comment>reprint_unknown</comment>
        <translation>{code} is not known here.</translation>
    </message>
    <message>
        <source>Label {code} printed again.</source>
        <comment>reprint_done</comment>
        <translation>Label {code} printed again.</translation>
    </message>
    <message>
        <source>Scan the delivery document or box</source>
        <comment>put_scan_document</comment>
        <translation>Scan the delivery document or box</translation>
    </message>
    <message>
        <source>Scan the products</source>
        <comment>put_scan_product</comment>
        <translation>Scan the products</translation>
    </message>
    <message>
        <source>Scan more products or the shelf location</source>
        <comment>put_scan_more_or_location</comment>
        <translation>Scan more products or the shelf location</translation>
    </message>
    <message>
        <source>Put the scanned products away first.</source>
        <comment>put_finish_first</comment>
        <translation>Put the scanned products away first.</translation>
    </message>
    <message>
        <source>Delivery {document}.</source>
        <comment>put_document_ok</comment>
        <translation>Delivery {document}.</translation>
    </message>
    <message>
        <source>Too many of one product.</source>
        <comment>put_too_many</comment>
        <translation>Too many of one product.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <comment>put_product_ok</comment>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>The quantity must be 0 to {max}.</source>
        <comment>put_bad_quantity</comment>
        <translation>The quantity must be 0 to {max}.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <comment>put_quantity_set</comment>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Scan the products before the location.</source>
        <comment>put_no_items</comment>
        <translation>Scan the products before the location.</translation>
    </message>
    <message>
        <source>Put away {count} on {location}.</source>
        <comment>put_done</comment>
        <translation>Put away {count} on {location}.</translation>
    </message>
    <message>
        <source>This user has not logged in on this terminal before: connect to log in online.</source>
        <comment>unknown_user</comment>
        <translation>This user has not logged in on this terminal before: connect to log in online.</translation>
    </message>
    <message>
        <source>This account may not use the warehouse terminal.</source>
        <comment>forbidden_role</comment>
        <translation>This account may not use the warehouse terminal.</translation>
    </message>
    <message>
        <source>This badge is not linked on this terminal: log in with your name and password once.</source>
        <comment>unknown_badge</comment>
        <translation>This badge is not linked on this terminal: log in with your name and password once.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <comment>bad_pin</comment>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: log in with your name and password to unlock the badge.</source>
        <comment>badge_locked</comment>
        <translation>Too many wrong PINs: log in with your name and password to unlock the badge.</translation>
    </message>
</context>
<context>
    <name>VirtualScannerWindow</name>
    <message>
        <source>Virtual scanner</source>
        <translation>Virtual scanner</translation>
    </message>
    <message>
        <source>Type a code and press Enter to scan it</source>
        <translation>Type a code and press Enter to scan it</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Bounce</translation>
    </message>
    <message>
        <source>Send garbage</source>
        <translation>Send garbage</translation>
    </message>
    <message>
        <source>Unplug</source>
        <translation>Unplug</translation>
    </message>
    <message>
        <source>Port for the app:</source>
        <translation>Port for the app:</translation>
    </message>
    <message>
        <source>Plug in</source>
        <translation>Plug in</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connected: %1</translation>
    </message>
    <message>
        <source>Unplugged</source>
        <translation>Unplugged</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
</context>
</TS>
