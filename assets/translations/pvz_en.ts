<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptanceScreen</name>
    <message>
        <source>Acceptance</source>
        <translation>Acceptance</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Other cell</source>
        <translation>Other cell</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>Shortage</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Surplus</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Close box</translation>
    </message>
    <message>
        <source>Box %1: expected %2, accepted %3, waiting %4, shortage %5, damaged %6, surplus %7</source>
        <translation>Box %1: expected %2, accepted %3, waiting %4, shortage %5, damaged %6, surplus %7</translation>
    </message>
    <message>
        <source>Scan a box label</source>
        <translation>Scan a box label</translation>
    </message>
    <message>
        <source>The units shipped in the box will appear.</source>
        <translation>The units shipped in the box will appear.</translation>
    </message>
    <message>
        <source>All units scanned: close the box (Ctrl+E)</source>
        <translation>All units scanned: close the box (Ctrl+E)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>No seal</translation>
    </message>
    <message>
        <source>Seal broken</source>
        <translation>Seal broken</translation>
    </message>
    <message>
        <source>Scan or type the seal number on box %1</source>
        <translation>Scan or type the seal number on box %1</translation>
    </message>
    <message>
        <source>Ctrl+J: the box came without a seal. Ctrl+K: the seal is broken (photos).</source>
        <translation>Ctrl+J: the box came without a seal. Ctrl+K: the seal is broken (photos).</translation>
    </message>
    <message>
        <source>Ctrl+P shows the acceptance report before it prints.</source>
        <translation>Ctrl+P shows the acceptance report before it prints.</translation>
    </message>
    <message>
        <source>Scan the next unit from the box</source>
        <translation>Scan the next unit from the box</translation>
    </message>
    <message>
        <source>%1 units still to scan</source>
        <translation>%1 units still to scan</translation>
    </message>
    <message>
        <source>Scan the label of any cell with room</source>
        <translation>Scan the label of any cell with room</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <source>Put it in cell %1 and scan the cell label</source>
        <translation>Put it in cell %1 and scan the cell label</translation>
    </message>
    <message>
        <source>Unit %1 was recorded short: the cell scan records it as found</source>
        <translation>Unit %1 was recorded short: the cell scan records it as found</translation>
    </message>
    <message>
        <source>Unit %1 · %2</source>
        <translation>Unit %1 · %2</translation>
    </message>
    <message>
        <source>First put unit %1 in its cell and scan the cell label.</source>
        <translation>First put unit %1 in its cell and scan the cell label.</translation>
    </message>
    <message>
        <source>Close box %1 first (Ctrl+E).</source>
        <translation>Close box %1 first (Ctrl+E).</translation>
    </message>
    <message>
        <source>Box %1: %2 units expected</source>
        <translation>Box %1: %2 units expected</translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation>Cell %1</translation>
    </message>
    <message>
        <source>Not in this box: record it as surplus (Ctrl+I)</source>
        <translation>Not in this box: record it as surplus (Ctrl+I)</translation>
    </message>
    <message>
        <source>This unit is not in the box. Ctrl+I records it as surplus.</source>
        <translation>This unit is not in the box. Ctrl+I records it as surplus.</translation>
    </message>
    <message>
        <source>Unit %1 is in cell %2</source>
        <translation>Unit %1 is in cell %2</translation>
    </message>
    <message>
        <source>Found: unit %1 is in cell %2</source>
        <translation>Found: unit %1 is in cell %2</translation>
    </message>
    <message>
        <source>Expected cell %1, or Ctrl+G for another cell</source>
        <translation>Expected cell %1, or Ctrl+G for another cell</translation>
    </message>
    <message>
        <source>Select a unit that was not scanned (arrows), then Ctrl+D.</source>
        <translation>Select a unit that was not scanned (arrows), then Ctrl+D.</translation>
    </message>
    <message>
        <source>Shortage recorded: %1</source>
        <translation>Shortage recorded: %1</translation>
    </message>
    <message>
        <source>Scan or select the damaged unit, then Ctrl+B.</source>
        <translation>Scan or select the damaged unit, then Ctrl+B.</translation>
    </message>
    <message>
        <source>Damage recorded: %1</source>
        <translation>Damage recorded: %1</translation>
    </message>
    <message>
        <source>Surplus recorded: %1</source>
        <translation>Surplus recorded: %1</translation>
    </message>
    <message>
        <source>Scan the seal on box %1 first, or Ctrl+J if it came without one.</source>
        <translation>Scan the seal on box %1 first, or Ctrl+J if it came without one.</translation>
    </message>
    <message>
        <source>Close the box</source>
        <translation>Close the box</translation>
    </message>
    <message>
        <source>%1 units were not scanned and will be recorded as a shortage. Close the box?</source>
        <translation>%1 units were not scanned and will be recorded as a shortage. Close the box?</translation>
    </message>
    <message>
        <source>Seal %1 recorded for box %2</source>
        <translation>Seal %1 recorded for box %2</translation>
    </message>
    <message>
        <source>Box %1 came without a seal: recorded</source>
        <translation>Box %1 came without a seal: recorded</translation>
    </message>
    <message>
        <source>Seal of box %1 recorded as broken, photos: %2</source>
        <translation>Seal of box %1 recorded as broken, photos: %2</translation>
    </message>
    <message>
        <source>Box closed: accepted %1, shortage %2</source>
        <translation>Box closed: accepted %1, shortage %2</translation>
    </message>
    <message>
        <source>Nothing printed yet: close a box first.</source>
        <translation>Nothing printed yet: close a box first.</translation>
    </message>
</context>
<context>
    <name>CellsScreen</name>
    <message>
        <source>Cells</source>
        <translation>Cells</translation>
    </message>
    <message>
        <source>unit label, order, last 4+ phone digits or cell number</source>
        <translation>unit label, order, last 4+ phone digits or cell number</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Move unit</source>
        <translation>Move unit</translation>
    </message>
    <message>
        <source>Cancel move</source>
        <translation>Cancel move</translation>
    </message>
    <message>
        <source>Scan a cell or a unit, or search (Ctrl+F)</source>
        <translation>Scan a cell or a unit, or search (Ctrl+F)</translation>
    </message>
    <message>
        <source>To move a unit: Ctrl+M, scan the unit, then the new cell.</source>
        <translation>To move a unit: Ctrl+M, scan the unit, then the new cell.</translation>
    </message>
    <message>
        <source>Scan the new cell for %1</source>
        <translation>Scan the new cell for %1</translation>
    </message>
    <message>
        <source>Now in cell %1</source>
        <translation>Now in cell %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Scan the unit to move</source>
        <translation>Scan the unit to move</translation>
    </message>
    <message>
        <source>This unit is not in a cell here.</source>
        <translation>This unit is not in a cell here.</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Unit %1</translation>
    </message>
    <message>
        <source>Unit %1 moved to cell %2</source>
        <translation>Unit %1 moved to cell %2</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Acknowledge and discard</source>
        <translation>Acknowledge and discard</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>try again</source>
        <translation>try again</translation>
    </message>
    <message>
        <source>discard</source>
        <translation>discard</translation>
    </message>
    <message>
        <source>Resolve what the server rejected</source>
        <translation>Resolve what the server rejected</translation>
    </message>
    <message>
        <source>Select a row; Ctrl+R tries again where allowed, Ctrl+D discards with a reason.</source>
        <translation>Select a row; Ctrl+R tries again where allowed, Ctrl+D discards with a reason.</translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation>Open conflicts: %1</translation>
    </message>
    <message>
        <source>This operation cannot succeed again: discard it (Ctrl+D).</source>
        <translation>This operation cannot succeed again: discard it (Ctrl+D).</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Sent again</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Why is this operation discarded?</source>
        <translation>Why is this operation discarded?</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Discarded</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>DisputeScreen</name>
    <message>
        <source>Disputes</source>
        <translation>Disputes</translation>
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
        <source>unit label, order id or box SSCC</source>
        <translation>unit label, order id or box SSCC</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Take a photo</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <source>Save dispute pack</source>
        <translation>Save dispute pack</translation>
    </message>
    <message>
        <source>Scan a unit or a box, or type a code</source>
        <translation>Scan a unit or a box, or type a code</translation>
    </message>
    <message>
        <source>The pack proves who did what, when, where, with photos.</source>
        <translation>The pack proves who did what, when, where, with photos.</translation>
    </message>
    <message>
        <source>Save the dispute pack (Ctrl+S) or add a photo (Ctrl+P)</source>
        <translation>Save the dispute pack (Ctrl+S) or add a photo (Ctrl+P)</translation>
    </message>
    <message>
        <source>Send the saved ZIP file with your objection to the penalty.</source>
        <translation>Send the saved ZIP file with your objection to the penalty.</translation>
    </message>
    <message>
        <source>Type or scan a code first.</source>
        <translation>Type or scan a code first.</translation>
    </message>
    <message>
        <source>Nothing with this code on this device.</source>
        <translation>Nothing with this code on this device.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) kept; they go to the server with the next sync.</source>
        <translation>
            <numerusform>%n photo kept; it goes to the server with the next sync.</numerusform>
            <numerusform>%n photos kept; they go to the server with the next sync.</numerusform>
        </translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP files (*.zip)</translation>
    </message>
    <message>
        <source>The pack was not saved: %1</source>
        <translation>The pack was not saved: %1</translation>
    </message>
    <message>
        <source>Dispute pack saved: %1</source>
        <translation>Dispute pack saved: %1</translation>
    </message>
</context>
<context>
    <name>FittingScreen</name>
    <message>
        <source>Fitting rooms</source>
        <translation>Fitting rooms</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>Customer is back</source>
        <translation>Customer is back</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>time is up (%1)</source>
        <translation>time is up (%1)</translation>
    </message>
    <message>
        <source>All fitting rooms are free</source>
        <translation>All fitting rooms are free</translation>
    </message>
    <message>
        <source>On the issuing screen (F2), Ctrl+F sends the customer&apos;s clothes and shoes to a room.</source>
        <translation>On the issuing screen (F2), Ctrl+F sends the customer&apos;s clothes and shoes to a room.</translation>
    </message>
    <message>
        <source>%1 of %2 fitting rooms taken</source>
        <translation>%1 of %2 fitting rooms taken</translation>
    </message>
    <message>
        <source>When a customer is back, scan their code or choose the room and press Ctrl+Enter.</source>
        <translation>When a customer is back, scan their code or choose the room and press Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Choose a room (arrows), then Ctrl+Enter.</source>
        <translation>Choose a room (arrows), then Ctrl+Enter.</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <source>Inventory</source>
        <translation>Inventory</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>unknown here</source>
        <translation>unknown here</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Record cell</source>
        <translation>Record cell</translation>
    </message>
    <message>
        <source>Cancel cell</source>
        <translation>Cancel cell</translation>
    </message>
    <message>
        <source>not scanned yet (missing)</source>
        <translation>not scanned yet (missing)</translation>
    </message>
    <message>
        <source>found</source>
        <translation>found</translation>
    </message>
    <message>
        <source>unexpected here</source>
        <translation>unexpected here</translation>
    </message>
    <message>
        <source>Cells recorded this session: %1</source>
        <translation>Cells recorded this session: %1</translation>
    </message>
    <message>
        <source>Cell %1: expected %2, found %3, missing %4, unexpected %5</source>
        <translation>Cell %1: expected %2, found %3, missing %4, unexpected %5</translation>
    </message>
    <message>
        <source>Scan a cell label to count it</source>
        <translation>Scan a cell label to count it</translation>
    </message>
    <message>
        <source>Then scan every unit in the cell.</source>
        <translation>Then scan every unit in the cell.</translation>
    </message>
    <message>
        <source>Scan every unit in the cell</source>
        <translation>Scan every unit in the cell</translation>
    </message>
    <message>
        <source>Ctrl+Enter records the cell; scanning the next cell records this one too.</source>
        <translation>Ctrl+Enter records the cell; scanning the next cell records this one too.</translation>
    </message>
    <message>
        <source>This cell is being counted: scan its units.</source>
        <translation>This cell is being counted: scan its units.</translation>
    </message>
    <message>
        <source>Cell %1: %2 units expected</source>
        <translation>Cell %1: %2 units expected</translation>
    </message>
    <message>
        <source>Unit %1 is already counted.</source>
        <translation>Unit %1 is already counted.</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <source>Unexpected in this cell: %1</source>
        <translation>Unexpected in this cell: %1</translation>
    </message>
    <message>
        <source>Cell recorded: missing %1, unexpected %2</source>
        <translation>Cell recorded: missing %1, unexpected %2</translation>
    </message>
</context>
<context>
    <name>IssuingScreen</name>
    <message>
        <source>Issuing</source>
        <translation>Issuing</translation>
    </message>
    <message>
        <source>did not fit (size)</source>
        <translation>did not fit (size)</translation>
    </message>
    <message>
        <source>did not like</source>
        <translation>did not like</translation>
    </message>
    <message>
        <source>defect</source>
        <translation>defect</translation>
    </message>
    <message>
        <source>not as described</source>
        <translation>not as described</translation>
    </message>
    <message>
        <source>changed mind</source>
        <translation>changed mind</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>other reason</translation>
    </message>
    <message>
        <source>goes to another pickup point</source>
        <translation>goes to another pickup point</translation>
    </message>
    <message>
        <source>still at the warehouse</source>
        <translation>still at the warehouse</translation>
    </message>
    <message>
        <source>in transit to this pickup point</source>
        <translation>in transit to this pickup point</translation>
    </message>
    <message>
        <source>already issued</source>
        <translation>already issued</translation>
    </message>
    <message>
        <source>refused earlier</source>
        <translation>refused earlier</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>going back to the warehouse</source>
        <translation>going back to the warehouse</translation>
    </message>
    <message>
        <source>8 digits the customer dictates</source>
        <translation>8 digits the customer dictates</translation>
    </message>
    <message>
        <source>Short code</source>
        <translation>Short code</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Fitting room</source>
        <translation>Fitting room</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Next customer</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>%1, expected %2</source>
        <translation>%1, expected %2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>refused: %1</translation>
    </message>
    <message>
        <source>fetch from the cell and scan</source>
        <translation>fetch from the cell and scan</translation>
    </message>
    <message>
        <source>scan the marking DataMatrix</source>
        <translation>scan the marking DataMatrix</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>taken</translation>
    </message>
    <message>
        <source>%1 is back from fitting room %2</source>
        <translation>%1 is back from fitting room %2</translation>
    </message>
    <message>
        <source>%1: %2 units ready in %3 orders</source>
        <translation>%1: %2 units ready in %3 orders</translation>
    </message>
    <message>
        <source>%1 (back from fitting room %2)</source>
        <translation>%1 (back from fitting room %2)</translation>
    </message>
    <message>
        <source>%1 · orders %2: %3 ready, %4 fetched, %5 refused</source>
        <translation>%1 · orders %2: %3 ready, %4 fetched, %5 refused</translation>
    </message>
    <message>
        <source>%1 on the way</source>
        <translation>%1 on the way</translation>
    </message>
    <message>
        <source>%1 going back (returns in progress)</source>
        <translation>%1 going back (returns in progress)</translation>
    </message>
    <message>
        <source>storage ends by %1 for %2 units</source>
        <translation>storage ends by %1 for %2 units</translation>
    </message>
    <message>
        <source>pay on pickup: up to %1 by СБП</source>
        <translation>pay on pickup: up to %1 by СБП</translation>
    </message>
    <message>
        <source>Offline: pay-on-pickup orders cannot be issued until the connection is back.</source>
        <translation>Offline: pay-on-pickup orders cannot be issued until the connection is back.</translation>
    </message>
    <message>
        <source>No parcels here for a phone ending %1.</source>
        <translation>No parcels here for a phone ending %1.</translation>
    </message>
    <message>
        <source>%1: %2 ready in cell %3, %4 more</source>
        <translation>%1: %2 ready in cell %3, %4 more</translation>
    </message>
    <message>
        <source>To issue, scan the customer&apos;s pickup QR or type the 8-digit code</source>
        <translation>To issue, scan the customer&apos;s pickup QR or type the 8-digit code</translation>
    </message>
    <message>
        <source>The phone only helps find the parcels; it does not prove who the customer is.</source>
        <translation>The phone only helps find the parcels; it does not prove who the customer is.</translation>
    </message>
    <message>
        <source>Phone ending %1: %2 customers</source>
        <translation>Phone ending %1: %2 customers</translation>
    </message>
    <message>
        <source>To pay: %1
Order %2, %3 units
СБП: scan with your bank app</source>
        <translation>To pay: %1
Order %2, %3 units
СБП: scan with your bank app</translation>
    </message>
    <message>
        <source>Payment QR shown: waiting for the bank</source>
        <translation>Payment QR shown: waiting for the bank</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Paid: %1</translation>
    </message>
    <message>
        <source>The payment did not go through: ask the customer to try again (Ctrl+Enter).</source>
        <translation>The payment did not go through: ask the customer to try again (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>The payment cannot start: %1</source>
        <translation>The payment cannot start: %1</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s pickup QR code</source>
        <translation>Scan the customer&apos;s pickup QR code</translation>
    </message>
    <message>
        <source>or type the 8-digit short code and press Enter</source>
        <translation>or type the 8-digit short code and press Enter</translation>
    </message>
    <message>
        <source>The customer pays %1 by СБП: scan the QR with a bank app</source>
        <translation>The customer pays %1 by СБП: scan the QR with a bank app</translation>
    </message>
    <message>
        <source>The pickup completes by itself once the payment arrives. Ctrl+N cancels.</source>
        <translation>The pickup completes by itself once the payment arrives. Ctrl+N cancels.</translation>
    </message>
    <message>
        <source>Scan the marking DataMatrix on the product</source>
        <translation>Scan the marking DataMatrix on the product</translation>
    </message>
    <message>
        <source>Unit %1 needs its Chestny Znak code</source>
        <translation>Unit %1 needs its Chestny Znak code</translation>
    </message>
    <message>
        <source>Back from fitting room %1: Ctrl+R for each unit refused, then Ctrl+Enter</source>
        <translation>Back from fitting room %1: Ctrl+R for each unit refused, then Ctrl+Enter</translation>
    </message>
    <message>
        <source>Refused units stay here and go back as refusals; the pickup completes with what is kept.</source>
        <translation>Refused units stay here and go back as refusals; the pickup completes with what is kept.</translation>
    </message>
    <message>
        <source>Nothing to issue: no unit of order %1 is here yet</source>
        <translation>Nothing to issue: no unit of order %1 is here yet</translation>
    </message>
    <message>
        <source>Fetch from cell %1 and scan each unit</source>
        <translation>Fetch from cell %1 and scan each unit</translation>
    </message>
    <message>
        <source>%1 units to fetch. Ctrl+R marks a refused unit.</source>
        <translation>%1 units to fetch. Ctrl+R marks a refused unit.</translation>
    </message>
    <message>
        <source>Everything fetched: complete the pickup (Ctrl+Enter)</source>
        <translation>Everything fetched: complete the pickup (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ctrl+R marks a unit the customer refuses.</source>
        <translation>Ctrl+R marks a unit the customer refuses.</translation>
    </message>
    <message>
        <source>%1. Ctrl+N: next customer.</source>
        <translation>%1. Ctrl+N: next customer.</translation>
    </message>
    <message>
        <source>Complete or cancel the current pickup first (Ctrl+Enter / Ctrl+N).</source>
        <translation>Complete or cancel the current pickup first (Ctrl+Enter / Ctrl+N).</translation>
    </message>
    <message>
        <source>Nothing of this order is ready here yet.</source>
        <translation>Nothing of this order is ready here yet.</translation>
    </message>
    <message>
        <source>Check the code with the customer.</source>
        <translation>Check the code with the customer.</translation>
    </message>
    <message>
        <source>Unit %1: now scan its marking DataMatrix</source>
        <translation>Unit %1: now scan its marking DataMatrix</translation>
    </message>
    <message>
        <source>Unit %1 fetched</source>
        <translation>Unit %1 fetched</translation>
    </message>
    <message>
        <source>WRONG UNIT %1: it is not in this customer&apos;s order. Put it back.</source>
        <translation>WRONG UNIT %1: it is not in this customer&apos;s order. Put it back.</translation>
    </message>
    <message>
        <source>Unit %1 cannot be issued: %2</source>
        <translation>Unit %1 cannot be issued: %2</translation>
    </message>
    <message>
        <source>Unit %1 is already fetched.</source>
        <translation>Unit %1 is already fetched.</translation>
    </message>
    <message>
        <source>Scan the marking DataMatrix of unit %1 first.</source>
        <translation>Scan the marking DataMatrix of unit %1 first.</translation>
    </message>
    <message>
        <source>The marking code belongs to another product: check the item.</source>
        <translation>The marking code belongs to another product: check the item.</translation>
    </message>
    <message>
        <source>No marking code is needed now: scan a unit label.</source>
        <translation>No marking code is needed now: scan a unit label.</translation>
    </message>
    <message>
        <source>The customer pays for order %1 first (Ctrl+Enter shows the payment QR).</source>
        <translation>The customer pays for order %1 first (Ctrl+Enter shows the payment QR).</translation>
    </message>
    <message>
        <source>Marking checked: %1</source>
        <translation>Marking checked: %1</translation>
    </message>
    <message>
        <source>Select a fetched unit (arrows), then Ctrl+R.</source>
        <translation>Select a fetched unit (arrows), then Ctrl+R.</translation>
    </message>
    <message>
        <source>Refusal reason</source>
        <translation>Refusal reason</translation>
    </message>
    <message>
        <source>Why does the customer refuse %1?</source>
        <translation>Why does the customer refuse %1?</translation>
    </message>
    <message>
        <source>Unit %1 refused: %2</source>
        <translation>Unit %1 refused: %2</translation>
    </message>
    <message>
        <source>Unit %1 taken: now scan its marking DataMatrix</source>
        <translation>Unit %1 taken: now scan its marking DataMatrix</translation>
    </message>
    <message>
        <source>Unit %1 taken</source>
        <translation>Unit %1 taken</translation>
    </message>
    <message>
        <source>Pickup complete: %1 issued, %2 refused</source>
        <translation>Pickup complete: %1 issued, %2 refused</translation>
    </message>
    <message>
        <source>Fetch the clothes or shoes to try on first (only these go to a fitting room).</source>
        <translation>Fetch the clothes or shoes to try on first (only these go to a fitting room).</translation>
    </message>
    <message>
        <source>Every fitting room is taken: the customer waits, or tries on at the counter.</source>
        <translation>Every fitting room is taken: the customer waits, or tries on at the counter.</translation>
    </message>
    <message>
        <source>Fitting room %1: %2, %3 units, %4 min. Serve the next customer.</source>
        <translation>Fitting room %1: %2, %3 units, %4 min. Serve the next customer.</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>Fitting room %1 keeps the pickup: scan the customer&apos;s code when they are back.</source>
        <translation>Fitting room %1 keeps the pickup: scan the customer&apos;s code when they are back.</translation>
    </message>
    <message>
        <source>%1 units of order %2 were fetched and nothing is recorded yet. Drop this pickup and put them back in their cells?</source>
        <translation>%1 units of order %2 were fetched and nothing is recorded yet. Drop this pickup and put them back in their cells?</translation>
    </message>
    <message>
        <source>The pickup goes on: complete it with Ctrl+Enter.</source>
        <translation>The pickup goes on: complete it with Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Pickup cancelled: nothing was recorded.</source>
        <translation>Pickup cancelled: nothing was recorded.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Login</source>
        <translation>Login</translation>
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
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Locked: %1</translation>
    </message>
    <message>
        <source>Locked after %1 idle minutes. %2 enters their password to continue where they were; another clerk may log in and start afresh.</source>
        <translation>Locked after %1 idle minutes. %2 enters their password to continue where they were; another clerk may log in and start afresh.</translation>
    </message>
    <message>
        <source>Log in to start</source>
        <translation>Log in to start</translation>
    </message>
    <message>
        <source>Without a network, a clerk who logged in here before can still log in.</source>
        <translation>Without a network, a clerk who logged in here before can still log in.</translation>
    </message>
    <message>
        <source>Enter your user name and password</source>
        <translation>Enter your user name and password</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Unlocked: %1, carry on where you were</source>
        <translation>Unlocked: %1, carry on where you were</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Logged in: %1</translation>
    </message>
    <message>
        <source>Logged in offline: %1 (no connection to the server)</source>
        <translation>Logged in offline: %1 (no connection to the server)</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Login failed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WB Ops: pickup point %1</source>
        <translation>WB Ops: pickup point %1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Locked: the scan was not applied. %1 must unlock first (or another clerk log in).</source>
        <translation>Locked: the scan was not applied. %1 must unlock first (or another clerk log in).</translation>
    </message>
    <message>
        <source>Locked: %1 must unlock first (or another clerk log in).</source>
        <translation>Locked: %1 must unlock first (or another clerk log in).</translation>
    </message>
    <message>
        <source>Log in first: the flows open after login.</source>
        <translation>Log in first: the flows open after login.</translation>
    </message>
    <message>
        <source>Open the shift first (Ctrl+O).</source>
        <translation>Open the shift first (Ctrl+O).</translation>
    </message>
    <message>
        <source>«%1» is not available now.</source>
        <translation>«%1» is not available now.</translation>
    </message>
    <message>
        <source>Locked after %1 idle minutes.</source>
        <translation>Locked after %1 idle minutes.</translation>
    </message>
    <message>
        <source>Logged in again: sync resumes.</source>
        <translation>Logged in again: sync resumes.</translation>
    </message>
    <message>
        <source>%1 operations have not reached the server yet. They stay on this computer and are sent after the next login. Log out anyway?</source>
        <translation>%1 operations have not reached the server yet. They stay on this computer and are sent after the next login. Log out anyway?</translation>
    </message>
    <message>
        <source>Still logged in.</source>
        <translation>Still logged in.</translation>
    </message>
    <message>
        <source>Loading data from the server…</source>
        <translation>Loading data from the server…</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>refused at pickup</source>
        <translation>refused at pickup</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>damaged</translation>
    </message>
    <message>
        <source>storage period over</source>
        <translation>storage period over</translation>
    </message>
    <message>
        <source>brought back: defect</source>
        <translation>brought back: defect</translation>
    </message>
    <message>
        <source>brought back: wrong item</source>
        <translation>brought back: wrong item</translation>
    </message>
    <message>
        <source>brought back: changed mind</source>
        <translation>brought back: changed mind</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>New return box</source>
        <translation>New return box</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Close box</translation>
    </message>
    <message>
        <source>Hand over to courier</source>
        <translation>Hand over to courier</translation>
    </message>
    <message>
        <source>Confirm handover</source>
        <translation>Confirm handover</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Handover: no boxes scanned yet</source>
        <translation>Handover: no boxes scanned yet</translation>
    </message>
    <message>
        <source>Return box %1: %2 units packed</source>
        <translation>Return box %1: %2 units packed</translation>
    </message>
    <message>
        <source>No return box open</source>
        <translation>No return box open</translation>
    </message>
    <message>
        <source>Handover to courier %1: %2 boxes scanned: %3</source>
        <translation>Handover to courier %1: %2 boxes scanned: %3</translation>
    </message>
    <message>
        <source>Handover to courier %1: no boxes scanned yet</source>
        <translation>Handover to courier %1: no boxes scanned yet</translation>
    </message>
    <message>
        <source>Scan the courier&apos;s badge, then each return box and the seal put on it</source>
        <translation>Scan the courier&apos;s badge, then each return box and the seal put on it</translation>
    </message>
    <message>
        <source>Then Ctrl+Enter confirms the handover and prints the act.</source>
        <translation>Then Ctrl+Enter confirms the handover and prints the act.</translation>
    </message>
    <message>
        <source>Scan a return box label, or Ctrl+G for a new one</source>
        <translation>Scan a return box label, or Ctrl+G for a new one</translation>
    </message>
    <message>
        <source>Units to return are listed below.</source>
        <translation>Units to return are listed below.</translation>
    </message>
    <message>
        <source>Scan each unit going into the box</source>
        <translation>Scan each unit going into the box</translation>
    </message>
    <message>
        <source>Ctrl+E closes the box.</source>
        <translation>Ctrl+E closes the box.</translation>
    </message>
    <message>
        <source>Courier %1</source>
        <translation>Courier %1</translation>
    </message>
    <message>
        <source>Close box %1 first (Ctrl+E).</source>
        <translation>Close box %1 first (Ctrl+E).</translation>
    </message>
    <message>
        <source>This is a forward box label: scan a return box label.</source>
        <translation>This is a forward box label: scan a return box label.</translation>
    </message>
    <message>
        <source>Return box %1 open</source>
        <translation>Return box %1 open</translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation>Brought back</translation>
    </message>
    <message>
        <source>Why did the customer bring %1 back?</source>
        <translation>Why did the customer bring %1 back?</translation>
    </message>
    <message>
        <source>Unit %1 is not to be returned.</source>
        <translation>Unit %1 is not to be returned.</translation>
    </message>
    <message>
        <source>Unit %1 packed</source>
        <translation>Unit %1 packed</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Return box %1 closed: %2 units</source>
        <translation>Return box %1 closed: %2 units</translation>
    </message>
    <message>
        <source>Nothing printed yet.</source>
        <translation>Nothing printed yet.</translation>
    </message>
    <message>
        <source>Box %1 is not a return box of this pickup point.</source>
        <translation>Box %1 is not a return box of this pickup point.</translation>
    </message>
    <message>
        <source>Box %1 is not closed yet.</source>
        <translation>Box %1 is not closed yet.</translation>
    </message>
    <message>
        <source>Box %1 was already handed over.</source>
        <translation>Box %1 was already handed over.</translation>
    </message>
    <message>
        <source>Box %1 is already on the list.</source>
        <translation>Box %1 is already on the list.</translation>
    </message>
    <message>
        <source>Box %1 added</source>
        <translation>Box %1 added</translation>
    </message>
    <message>
        <source>Scan the box first, then the seal put on it.</source>
        <translation>Scan the box first, then the seal put on it.</translation>
    </message>
    <message>
        <source>Seal %1 is already on another box.</source>
        <translation>Seal %1 is already on another box.</translation>
    </message>
    <message>
        <source>Box %1: seal %2</source>
        <translation>Box %1: seal %2</translation>
    </message>
    <message>
        <source>Scan the courier&apos;s badge first.</source>
        <translation>Scan the courier&apos;s badge first.</translation>
    </message>
    <message>
        <source>No seal scanned for box %1.</source>
        <translation>No seal scanned for box %1.</translation>
    </message>
    <message>
        <source>Handed over: %1 boxes, %2 units</source>
        <translation>Handed over: %1 boxes, %2 units</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Nothing to scan here.</source>
        <translation>Nothing to scan here.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>system default printer</source>
        <translation>system default printer</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Pickup point id</source>
        <translation>Pickup point id</translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation>Scanner port</translation>
    </message>
    <message>
        <source>Scanner speed (baud)</source>
        <translation>Scanner speed (baud)</translation>
    </message>
    <message>
        <source>Ignore a repeat scan within</source>
        <translation>Ignore a repeat scan within</translation>
    </message>
    <message>
        <source>Keyboard scanner: max pause between keys</source>
        <translation>Keyboard scanner: max pause between keys</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Label size</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Log in as administrator</source>
        <translation>Log in as administrator</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lock settings</source>
        <translation>Lock settings</translation>
    </message>
    <message>
        <source>Support bundle</source>
        <translation>Support bundle</translation>
    </message>
    <message>
        <source>Change the settings and save (Ctrl+S)</source>
        <translation>Change the settings and save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Server, pickup point and scanner changes apply after a restart.</source>
        <translation>Server, pickup point and scanner changes apply after a restart.</translation>
    </message>
    <message>
        <source>Settings need an administrator</source>
        <translation>Settings need an administrator</translation>
    </message>
    <message>
        <source>Log in with an administrator account.</source>
        <translation>Log in with an administrator account.</translation>
    </message>
    <message>
        <source>Not an administrator, or a wrong password.</source>
        <translation>Not an administrator, or a wrong password.</translation>
    </message>
    <message>
        <source>keyboard scanner (no port)</source>
        <translation>keyboard scanner (no port)</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>Folder for the support bundle</source>
        <translation>Folder for the support bundle</translation>
    </message>
    <message>
        <source>Support bundle saved: %1</source>
        <translation>Support bundle saved: %1</translation>
    </message>
    <message>
        <source>Support bundle saved</source>
        <translation>Support bundle saved</translation>
    </message>
    <message>
        <source>%1 pending operations, %2 conflicts. Send the file %3 to support.</source>
        <translation>%1 pending operations, %2 conflicts. Send the file %3 to support.</translation>
    </message>
    <message>
        <source>The support bundle was not written: %1</source>
        <translation>The support bundle was not written: %1</translation>
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Shift report</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Packed for return</source>
        <translation>Packed for return</translation>
    </message>
    <message>
        <source>Shortages</source>
        <translation>Shortages</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Surplus</translation>
    </message>
    <message>
        <source>Open the shift to start work</source>
        <translation>Open the shift to start work</translation>
    </message>
    <message>
        <source>Ctrl+O opens the shift.</source>
        <translation>Ctrl+O opens the shift.</translation>
    </message>
    <message>
        <source>Shift is open</source>
        <translation>Shift is open</translation>
    </message>
    <message>
        <source>Choose a flow on the left (F2–F7). Close the shift at the end of the day.</source>
        <translation>Choose a flow on the left (F2–F7). Close the shift at the end of the day.</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Shift opened</translation>
    </message>
    <message>
        <source>Close the shift? The shift report is printed; flows need a new shift after this.</source>
        <translation>Close the shift? The shift report is printed; flows need a new shift after this.</translation>
    </message>
    <message>
        <source>%1 operations have not reached the server yet: they stay on this computer and are sent when the connection is back.</source>
        <translation>%1 operations have not reached the server yet: they stay on this computer and are sent when the connection is back.</translation>
    </message>
    <message>
        <source>The shift stays open.</source>
        <translation>The shift stays open.</translation>
    </message>
    <message>
        <source>No shift is open: Ctrl+O opens it.</source>
        <translation>No shift is open: Ctrl+O opens it.</translation>
    </message>
    <message>
        <source>The shift is already open.</source>
        <translation>The shift is already open.</translation>
    </message>
    <message>
        <source>Shift closed. The shift report is ready to print.</source>
        <translation>Shift closed. The shift report is ready to print.</translation>
    </message>
    <message>
        <source>Shift report sent to the printer</source>
        <translation>Shift report sent to the printer</translation>
    </message>
</context>
<context>
    <name>StorageScreen</name>
    <message>
        <source>Storage deadlines</source>
        <translation>Storage period</translation>
    </message>
    <message>
        <source>overdue: collect for return</source>
        <translation>overdue: collect for return</translation>
    </message>
    <message>
        <source>storage ends today</source>
        <translation>storage ends today</translation>
    </message>
    <message>
        <source>storage ends tomorrow</source>
        <translation>storage ends tomorrow</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Kept until</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>New return box</source>
        <translation>New return box</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Close box</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Return box %1: %2 expired units</source>
        <translation>Return box %1: %2 expired units</translation>
    </message>
    <message>
        <source>Scan each overdue unit into the return box</source>
        <translation>Scan each overdue unit into the return box</translation>
    </message>
    <message>
        <source>%1 overdue left. Ctrl+E closes the box.</source>
        <translation>%1 overdue left. Ctrl+E closes the box.</translation>
    </message>
    <message>
        <source>No storage ends today or tomorrow</source>
        <translation>No storage ends today or tomorrow</translation>
    </message>
    <message>
        <source>Units are kept for the site&apos;s storage days from the day they arrive.</source>
        <translation>Units are kept for the site&apos;s storage days from the day they arrive.</translation>
    </message>
    <message>
        <source>%1 overdue, %2 end today, %3 end tomorrow</source>
        <translation>%1 overdue, %2 end today, %3 end tomorrow</translation>
    </message>
    <message>
        <source>Ctrl+G prints a return box label (or scan one); then scan the overdue units into it.</source>
        <translation>Ctrl+G prints a return box label (or scan one); then scan the overdue units into it.</translation>
    </message>
    <message>
        <source>Close box %1 first (Ctrl+E).</source>
        <translation>Close box %1 first (Ctrl+E).</translation>
    </message>
    <message>
        <source>This is a forward box label: scan a return box label.</source>
        <translation>This is a forward box label: scan a return box label.</translation>
    </message>
    <message>
        <source>Return: expired</source>
        <translation>Return: expired</translation>
    </message>
    <message>
        <source>Return box %1 open: scan the overdue units</source>
        <translation>Return box %1 open: scan the overdue units</translation>
    </message>
    <message>
        <source>Unit %1 packed as expired</source>
        <translation>Unit %1 packed as expired</translation>
    </message>
    <message>
        <source>Unit %1 is not overdue: it stays in its cell.</source>
        <translation>Unit %1 is not overdue: it stays in its cell.</translation>
    </message>
    <message>
        <source>Return box %1 closed: %2 units. Hand it over on the returns screen (F4).</source>
        <translation>Return box %1 closed: %2 units. Hand it over on the returns screen (F4).</translation>
    </message>
</context>
</TS>
