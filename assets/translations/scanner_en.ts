<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoxLabel</name>
    <message>
        <source>%1 pcs</source>
        <translation>%1 pcs</translation>
    </message>
</context>
<context>
    <name>ClusterScreen</name>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Next cart</source>
        <translation>Next cart</translation>
    </message>
    <message>
        <source>Start walk</source>
        <translation>Start walk</translation>
    </message>
    <message>
        <source>Cart picking</source>
        <translation>Cart picking</translation>
    </message>
    <message>
        <source>Scan at least one tote first.</source>
        <translation>Scan at least one tote first.</translation>
    </message>
    <message>
        <source>Cart: one tote per task</source>
        <translation>Cart: one tote per task</translation>
    </message>
    <message>
        <source>%1 of %2 totes scanned</source>
        <translation>%1 of %2 totes scanned</translation>
    </message>
    <message>
        <source>scan a tote</source>
        <translation>scan a tote</translation>
    </message>
    <message>
        <source>Every task of the cart is picked: take the totes to packing.</source>
        <translation>Every task of the cart is picked: take the totes to packing.</translation>
    </message>
    <message>
        <source>Tote %1</source>
        <translation>Tote %1</translation>
    </message>
    <message>
        <source>tote %1: %2</source>
        <translation>tote %1: %2</translation>
    </message>
    <message>
        <source>Stop %1 of %2 · %3</source>
        <translation>Stop %1 of %2 · %3</translation>
    </message>
    <message>
        <source>Not found: press again to record this product short for the cart.</source>
        <translation>Not found: press again to record this product short for the cart.</translation>
    </message>
</context>
<context>
    <name>ConflictScreen</name>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Refused by the server: %1</translation>
    </message>
    <message>
        <source>Choose an operation: retry it or dismiss it</source>
        <translation>Choose an operation: retry it or dismiss it</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <source>Checked on the terminal by %1</source>
        <translation>Checked on the terminal by %1</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Retried</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diff</translation>
    </message>
    <message>
        <source>Finish count</source>
        <translation>Finish count</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Cycle count</translation>
    </message>
    <message>
        <source>Differences: %1</source>
        <translation>Differences: %1</translation>
    </message>
    <message>
        <source>To count (short picks): %1</source>
        <translation>To count (short picks): %1</translation>
    </message>
</context>
<context>
    <name>DeviceScreen</name>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>This terminal</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Device: %1</translation>
    </message>
    <message>
        <source>Warehouse: %1</source>
        <translation>Warehouse: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Scanner: %1</source>
        <translation>Scanner: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>Waiting to be sent: %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>The configuration file has no problems.</source>
        <translation>The configuration file has no problems.</translation>
    </message>
    <message>
        <source>keyboard only</source>
        <translation>keyboard only</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>WB Ops warehouse</source>
        <translation>WB Ops warehouse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Link your badge to this terminal: scan it and choose a PIN of at least 4 digits. The PIN is stored only as a one-way hash.</source>
        <translation>Link your badge to this terminal: scan it and choose a PIN of at least 4 digits. The PIN is stored only as a one-way hash.</translation>
    </message>
    <message>
        <source>Without a connection, only workers who have logged in on this terminal before can log in.</source>
        <translation>Without a connection, only workers who have logged in on this terminal before can log in.</translation>
    </message>
    <message>
        <source>Hold the badge under the scanner, then type your PIN. First time on this terminal? Press F1 and log in with your name and password.</source>
        <translation>Hold the badge under the scanner, then type your PIN. First time on this terminal? Press F1 and log in with your name and password.</translation>
    </message>
    <message>
        <source>Link badge</source>
        <translation>Link badge</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Badge and PIN</source>
        <translation>Badge and PIN</translation>
    </message>
    <message>
        <source>Password login</source>
        <translation>Password login</translation>
    </message>
    <message>
        <source>Type your user name and password</source>
        <translation>Type your user name and password</translation>
    </message>
    <message>
        <source>Choose a PIN for your badge</source>
        <translation>Choose a PIN for your badge</translation>
    </message>
    <message>
        <source>Scan your badge to log in with it next time</source>
        <translation>Scan your badge to log in with it next time</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Type your PIN</translation>
    </message>
    <message>
        <source>Scan your employee badge</source>
        <translation>Scan your employee badge</translation>
    </message>
    <message>
        <source>Scan your employee badge.</source>
        <translation>Scan your employee badge.</translation>
    </message>
    <message>
        <source>Badge %1</source>
        <translation>Badge %1</translation>
    </message>
    <message>
        <source>Badge read.</source>
        <translation>Badge read.</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>Type your user name and password.</translation>
    </message>
    <message>
        <source>Scan your badge and type your PIN.</source>
        <translation>Scan your badge and type your PIN.</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>Welcome, %1.</translation>
    </message>
    <message>
        <source>The PIN is at least %1 digits.</source>
        <translation>The PIN is at least %1 digits.</translation>
    </message>
    <message>
        <source>The two PINs differ: type it again.</source>
        <translation>The two PINs differ: type it again.</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Picking</source>
        <translation>Picking</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
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
        <source>Reprint label</source>
        <translation>Reprint label</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>This terminal</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Open pick tasks: %1</source>
        <translation>Open pick tasks: %1</translation>
    </message>
    <message>
        <source>Offline login: work is saved on this terminal and synced later.</source>
        <translation>Offline login: work is saved on this terminal and synced later.</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <source>This shift: nothing picked yet</source>
        <translation>This shift: nothing picked yet</translation>
    </message>
    <message>
        <source>This shift: %1 lines, %2 items, %3 short</source>
        <translation>This shift: %1 lines, %2 items, %3 short</translation>
    </message>
    <message>
        <source>%1 lines/h · %2 items/h</source>
        <translation>%1 lines/h · %2 items/h</translation>
    </message>
</context>
<context>
    <name>PackScreen</name>
    <message>
        <source>New box</source>
        <translation>New box</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Close box</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Print label</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packing</translation>
    </message>
    <message>
        <source>Destination: by the first unit</source>
        <translation>Destination: by the first unit</translation>
    </message>
    <message>
        <source>Units in the box: %1</source>
        <translation>Units in the box: %1</translation>
    </message>
    <message>
        <source>Picked, waiting to be packed: %1</source>
        <translation>Picked, waiting to be packed: %1</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>Route %1</translation>
    </message>
    <message>
        <source>Route %1, leaves %2</source>
        <translation>Route %1, leaves %2</translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation>The label did not print: %1</translation>
    </message>
    <message>
        <source>Label printed: %1</source>
        <translation>Label printed: %1</translation>
    </message>
</context>
<context>
    <name>PickScreen</name>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Photo (%1)</source>
        <translation>Photo (%1)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Next task</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Picking</translation>
    </message>
    <message>
        <source>%v / %m picked · %1 short</source>
        <translation>%v / %m picked · %1 short</translation>
    </message>
    <message>
        <source>Every line is done: %1 units short, recorded for the office.</source>
        <translation>Every item is done: %1 units short, recorded for the office.</translation>
    </message>
    <message>
        <source>Every line of this task is done.</source>
        <translation>Every item of this task is done.</translation>
    </message>
    <message>
        <source>Line %1 of %2 · picked %3 of %4</source>
        <translation>Item %1 of %2 · picked %3 of %4</translation>
    </message>
    <message>
        <source>Not found: %1 left on this line. Press again to record the shortage.</source>
        <translation>Not found: %1 of this item left. Press again to record the shortage.</translation>
    </message>
    <message>
        <source>Damaged: %1 left on this line. Press again to record them.</source>
        <translation>Damaged: %1 of this item left. Press again to record them.</translation>
    </message>
    <message>
        <source>%1 photo(s) kept. Press Damaged twice to record the damage with them.</source>
        <translation>%1 photo(s) kept. Press Damaged twice to record the damage with them.</translation>
    </message>
</context>
<context>
    <name>PutawayScreen</name>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>Put-away</translation>
    </message>
</context>
<context>
    <name>ReprintScreen</name>
    <message>
        <source>Does not scan</source>
        <translation>Does not scan</translation>
    </message>
    <message>
        <source>Label is damaged</source>
        <translation>Label is damaged</translation>
    </message>
    <message>
        <source>Label is lost</source>
        <translation>Label is lost</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Reprint a label</source>
        <translation>Reprint a label</translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation>The label did not print: %1</translation>
    </message>
    <message>
        <source>Label printed: %1</source>
        <translation>Label printed: %1</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Close box</source>
        <translation>Close box</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>No seal</translation>
    </message>
    <message>
        <source>Seal broken (%1)</source>
        <translation>Seal broken (%1)</translation>
    </message>
    <message>
        <source>Seal broken</source>
        <translation>Seal broken</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Received %1 of %2 · missing %3</source>
        <translation>Received %1 of %2 · missing %3</translation>
    </message>
    <message>
        <source>Close (%1 missing)</source>
        <translation>Close (%1 missing)</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Type a code if the label does not scan</source>
        <translation>Type a code if the label does not scan</translation>
    </message>
    <message>
        <source>«%1» is not available now.</source>
        <translation>«%1» is not available now.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Nothing to scan here: choose a job first.</source>
        <translation>Nothing to scan here: choose a job first.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Log in first.</translation>
    </message>
</context>
<context>
    <name>ShipScreen</name>
    <message>
        <source>Close route</source>
        <translation>Close route</translation>
    </message>
    <message>
        <source>New route</source>
        <translation>New route</translation>
    </message>
    <message>
        <source>Back to boxes</source>
        <translation>Back to boxes</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Shipping</translation>
    </message>
    <message>
        <source>Destination: by the first box</source>
        <translation>Destination: by the first box</translation>
    </message>
    <message>
        <source>Boxes: %1 · units: %2</source>
        <translation>Boxes: %1 · units: %2</translation>
    </message>
    <message>
        <source>scan the badge</source>
        <translation>scan the badge</translation>
    </message>
    <message>
        <source>Courier: %1</source>
        <translation>Courier: %1</translation>
    </message>
    <message>
        <source>Also waiting for %1:</source>
        <translation>Also waiting for %1:</translation>
    </message>
    <message>
        <source>Boxes waiting for a route: %1</source>
        <translation>Boxes waiting for a route: %1</translation>
    </message>
</context>
<context>
    <name>TaskListScreen</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Cart of %1</source>
        <translation>Cart of %1</translation>
    </message>
    <message>
        <source>Release to refresh</source>
        <translation>Release to refresh</translation>
    </message>
    <message>
        <source>Pick tasks</source>
        <translation>Pick tasks</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>paid %1 min ago</source>
        <translation>paid %1 min ago</translation>
    </message>
    <message>
        <source>paid %1 h ago</source>
        <translation>paid %1 h ago</translation>
    </message>
    <message>
        <source>paid %1 d ago</source>
        <translation>paid %1 d ago</translation>
    </message>
    <message>
        <source>Route left at %1: %2</source>
        <translation>Route left at %1: %2</translation>
    </message>
    <message>
        <source>Will miss %1: %2</source>
        <translation>Will miss %1: %2</translation>
    </message>
    <message>
        <source>Leaves %1: %2</source>
        <translation>Leaves %1: %2</translation>
    </message>
    <message>
        <source>Open tasks: %1 · by route departure</source>
        <translation>Open tasks: %1 · by route departure</translation>
    </message>
    <message>
        <source>%1 will miss their route: pick them first</source>
        <translation>%1 will miss their route: pick them first</translation>
    </message>
    <message>
        <source>Choose a task</source>
        <translation>Choose a task</translation>
    </message>
    <message>
        <source>No open tasks</source>
        <translation>No open tasks</translation>
    </message>
    <message>
        <source>This unit is in no open task.</source>
        <translation>This unit is in no open task.</translation>
    </message>
</context>
<context>
    <name>TerminalStatusStrip</name>
    <message>
        <source>● Syncing</source>
        <translation>● Syncing</translation>
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
        <source>● Log in</source>
        <translation>● Log in</translation>
    </message>
    <message>
        <source>Pending %1 (%2)</source>
        <translation>Pending %1 (%2)</translation>
    </message>
    <message>
        <source>Pending 0</source>
        <translation>Pending 0</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>Conflicts %1</source>
        <translation>Conflicts %1</translation>
    </message>
    <message>
        <source>Scanner ✓</source>
        <translation>Scanner ✓</translation>
    </message>
    <message>
        <source>Scanner ✗</source>
        <translation>Scanner ✗</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Keyboard</translation>
    </message>
</context>
<context>
    <name>TerminalWindow</name>
    <message>
        <source>WB Ops warehouse terminal</source>
        <translation>WB Ops warehouse terminal</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Locked after a pause: log in again to continue.</source>
        <translation>Locked after a pause: log in again to continue.</translation>
    </message>
    <message>
        <source>%1 operations have not reached the server yet. They stay on this terminal and are sent after the next login. F10 again logs out.</source>
        <translation>%1 operations have not reached the server yet. They stay on this terminal and are sent after the next login. F10 again logs out.</translation>
    </message>
    <message>
        <source>Logged in again: sync resumes.</source>
        <translation>Logged in again: sync resumes.</translation>
    </message>
</context>
</TS>
