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
    <name>Errors</name>
    <message>
        <source>The pickup code is not genuine.</source>
        <translation>The pickup code is not genuine.</translation>
    </message>
    <message>
        <source>The pickup code has expired: ask the customer to refresh it.</source>
        <translation>The pickup code has expired: ask the customer to refresh it.</translation>
    </message>
    <message>
        <source>The pickup code was revoked.</source>
        <translation>The pickup code was revoked.</translation>
    </message>
    <message>
        <source>This order is for another pickup point.</source>
        <translation>This order is for another pickup point.</translation>
    </message>
    <message>
        <source>Pickup codes cannot be checked yet: sync with the server first.</source>
        <translation>Pickup codes cannot be checked yet: sync with the server first.</translation>
    </message>
    <message>
        <source>No order matches this short code.</source>
        <translation>No order matches this short code.</translation>
    </message>
    <message>
        <source>The marking code belongs to another product.</source>
        <translation>The marking code belongs to another product.</translation>
    </message>
    <message>
        <source>The marking code is damaged or not a Chestny Znak code.</source>
        <translation>The marking code is damaged or not a Chestny Znak code.</translation>
    </message>
    <message>
        <source>Already done for this unit.</source>
        <translation>Already done for this unit.</translation>
    </message>
    <message>
        <source>This unit&apos;s journey is over: nothing more can be done.</source>
        <translation>This unit&apos;s journey is over: nothing more can be done.</translation>
    </message>
    <message>
        <source>This action is not allowed for the unit in its state.</source>
        <translation>This action is not allowed for the unit in its state.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <source>This unit belongs to another site.</source>
        <translation>This unit belongs to another site.</translation>
    </message>
    <message>
        <source>Unknown unit: not expected at this pickup point.</source>
        <translation>Unknown unit: not expected at this pickup point.</translation>
    </message>
    <message>
        <source>Unknown box: no shipment with this label.</source>
        <translation>Unknown box: no shipment with this label.</translation>
    </message>
    <message>
        <source>Unknown cell at this pickup point.</source>
        <translation>Unknown cell at this pickup point.</translation>
    </message>
    <message>
        <source>Unknown order.</source>
        <translation>Unknown order.</translation>
    </message>
    <message>
        <source>The cell is full: choose another one.</source>
        <translation>The cell is full: choose another one.</translation>
    </message>
    <message>
        <source>Wrong cell: scan the suggested cell&apos;s label.</source>
        <translation>Wrong cell: scan the suggested cell&apos;s label.</translation>
    </message>
    <message>
        <source>Wrong unit: this one is not in the current order.</source>
        <translation>Wrong unit: this one is not in the current order.</translation>
    </message>
    <message>
        <source>This unit was not shipped in this box.</source>
        <translation>This unit was not shipped in this box.</translation>
    </message>
    <message>
        <source>The operation is malformed.</source>
        <translation>The operation is malformed.</translation>
    </message>
    <message>
        <source>Unknown operation type.</source>
        <translation>Unknown operation type.</translation>
    </message>
    <message>
        <source>Conflict: the order changed meanwhile.</source>
        <translation>Conflict: the order changed meanwhile.</translation>
    </message>
    <message>
        <source>Open a shift first.</source>
        <translation>Open a shift first.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Log in first.</translation>
    </message>
    <message>
        <source>This unit came in another box.</source>
        <translation>This unit came in another box.</translation>
    </message>
    <message>
        <source>Wrong kind of box for this step.</source>
        <translation>Wrong kind of box for this step.</translation>
    </message>
    <message>
        <source>This box label is already in use.</source>
        <translation>This box label is already in use.</translation>
    </message>
    <message>
        <source>The box is already closed.</source>
        <translation>The box is already closed.</translation>
    </message>
    <message>
        <source>The box is empty: scan units into it first.</source>
        <translation>The box is empty: scan units into it first.</translation>
    </message>
    <message>
        <source>The box is not closed yet.</source>
        <translation>The box is not closed yet.</translation>
    </message>
    <message>
        <source>This unit is not in a cell.</source>
        <translation>This unit is not in a cell.</translation>
    </message>
    <message>
        <source>This unit belongs to another order.</source>
        <translation>This unit belongs to another order.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Give a reason.</translation>
    </message>
    <message>
        <source>This unit is not to be returned.</source>
        <translation>This unit is not to be returned.</translation>
    </message>
    <message>
        <source>This conflict no longer exists.</source>
        <translation>This conflict no longer exists.</translation>
    </message>
    <message>
        <source>This conflict is already resolved.</source>
        <translation>This conflict is already resolved.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <source>The saved login data is damaged: log in with a network connection.</source>
        <translation>The saved login data is damaged: log in with a network connection.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was recorded. Free some space and try again.</source>
        <translation>The disk is full: nothing was recorded. Free some space and try again.</translation>
    </message>
    <message>
        <source>The database is read-only: nothing was recorded.</source>
        <translation>The database is read-only: nothing was recorded.</translation>
    </message>
    <message>
        <source>The database is busy (a second copy of the app?): nothing was recorded.</source>
        <translation>The database is busy (a second copy of the app?): nothing was recorded.</translation>
    </message>
    <message>
        <source>The database file is damaged.</source>
        <translation>The database file is damaged.</translation>
    </message>
    <message>
        <source>This user has never logged in on this computer: connect to log in online.</source>
        <translation>This user has never logged in on this computer: connect to log in online.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <translation>No connection to the server.</translation>
    </message>
    <message>
        <source>This is not a pickup code.</source>
        <translation>This is not a pickup code.</translation>
    </message>
    <message>
        <source>Settings need an administrator.</source>
        <translation>Settings need an administrator.</translation>
    </message>
    <message>
        <source>A disk or network error: nothing was recorded.</source>
        <translation>A disk or network error: nothing was recorded.</translation>
    </message>
    <message>
        <source>Unexpected error: nothing was recorded. Tell support.</source>
        <translation>Unexpected error: nothing was recorded. Tell support.</translation>
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
</context>
<context>
    <name>PhotoCaptureDialog</name>
    <message>
        <source>Photo evidence</source>
        <translation>Photo evidence</translation>
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
