<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CountScreen</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differences: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>WB Ops warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge and PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your user name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PIN for your badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your badge to log in with it next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your employee badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your employee badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your badge and type your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN is at least %1 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ: type it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pick tasks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline login: work is saved on this terminal and synced later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackScreen</name>
    <message>
        <source>New box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: by the first unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units in the box: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickScreen</name>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every line of this task is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 · picked %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PutawayScreen</name>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Close box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 of %2 · missing %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close box (%1 missing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Type a code if the label does not scan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Log in first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShipScreen</name>
    <message>
        <source>Close route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: by the first box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes: %1 · units: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskListScreen</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid %1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid %1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tasks: %1 · oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open tasks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Unknown unit label {label}: sync and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown box {box}: sync and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown product barcode {gtin}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown location {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task done: every line is picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to {location} and scan the location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the item: {product}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the location {location} first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong location {scanned}: this line is at {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location {location} confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong product: this line is {product}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enough: the line needs {demand} and all are picked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit belongs to another line of the task, at {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {label} is not in this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already picked: never more than the demand ({demand}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit cannot be picked: it is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked {picked} of {demand}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped {count}: recorded as a shortage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a box label or make a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box closed: print its label, then take the next box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the first picked unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan units for {pvz}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a return box label: use a forward box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This box is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {box} is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box reopened: {count} units in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New box: scan the first unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this box before starting another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a box label first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is already in this box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is already packed in box {box}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only picked units can be packed: this one is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the box: {count} for {pvz}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The box is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box closed with {count} units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route closed: the boxes are on their way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the first closed box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan boxes for {pvz}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This route is closed: start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a return box: it does not go on a route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This box is already on the route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This box is already on another route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This box is still open: close it at packing first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP: this box goes to {box_pvz}, the route goes to {route_pvz}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the route: {count} boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No boxes on the route yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route closed: {boxes} boxes, {units} units shipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a return box from a pickup point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return box received: scan the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the units: {left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the return box first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit {label} was not sent in this box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is already received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit cannot be received: it is {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received {done} of {total}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this return box first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a return box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No units are known for this box: sync and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: {received} received, {missing} missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a location to count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan everything on {location}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This unit is already counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this count first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count saved: {differences} differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the delivery document or box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan more products or the shelf location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the scanned products away first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery {document}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many of one product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be 0 to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the products before the location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put away {count} on {location}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user has not logged in on this terminal before: connect to log in online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This badge is not linked on this terminal: log in with your name and password once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs: log in with your name and password to unlock the badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not use the warehouse terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
