<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BackendPage</name>
    <message>
        <source>Backend</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>The address of the WB Ops server this device works with.</source>
        <translation>Адрес сервера WB Ops, с которым работает это устройство.</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Проверить связь</translation>
    </message>
    <message>
        <source>Continue without a connection (check it later)</source>
        <translation>Продолжить без связи (проверить позже)</translation>
    </message>
    <message>
        <source>Backend address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>Checking %1 ...</source>
        <translation>Проверка %1 ...</translation>
    </message>
    <message>
        <source>Type the server address.</source>
        <translation>Введите адрес сервера.</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>Адрес должен начинаться с http:// или https://.</translation>
    </message>
    <message>
        <source>The address has no server name.</source>
        <translation>В адресе нет имени сервера.</translation>
    </message>
    <message>
        <source>The port in the address is wrong.</source>
        <translation>В адресе неверный порт.</translation>
    </message>
    <message>
        <source>The address is wrong.</source>
        <translation>Неверный адрес.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Связь с %1 есть.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 не ответил вовремя.</translation>
    </message>
    <message>
        <source>Cannot reach %1: check the address, the network and that the server runs.</source>
        <translation>Нет связи с %1: проверьте адрес, сеть и что сервер запущен.</translation>
    </message>
    <message>
        <source>%1 answered with an HTTP error.</source>
        <translation>%1 ответил ошибкой HTTP.</translation>
    </message>
    <message>
        <source>%1 answered, but it is not a WB Ops server.</source>
        <translation>%1 ответил, но это не сервер WB Ops.</translation>
    </message>
    <message>
        <source>No connection to %1.</source>
        <translation>Нет связи с %1.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>No camera</source>
        <translation>Нет камеры</translation>
    </message>
    <message>
        <source>No camera found: scan with the scanner or type the code.</source>
        <translation>Камера не найдена: сканируйте сканером или введите код.</translation>
    </message>
    <message>
        <source>camera</source>
        <translation>камера</translation>
    </message>
    <message>
        <source>Camera scanning is not available: the barcode decoder is missing.</source>
        <translation>Сканирование камерой недоступно: нет декодера штрихкодов.</translation>
    </message>
    <message>
        <source>Camera: %1. Hold the code inside the frame.</source>
        <translation>Камера: %1. Держите код внутри рамки.</translation>
    </message>
    <message>
        <source>The camera stopped: %1</source>
        <translation>Камера остановилась: %1</translation>
    </message>
</context>
<context>
    <name>ConfigNotice</name>
    <message>
        <source>The configuration has problems; the app runs on its last good settings:</source>
        <translation>В настройках есть ошибки; приложение работает на последних исправных настройках:</translation>
    </message>
    <message>
        <source>Fix the file and restart the app; the settings screen lists these too.</source>
        <translation>Исправьте файл и перезапустите приложение; эти ошибки видны и на экране настроек.</translation>
    </message>
    <message>
        <source>This computer has no secure password store: after the app restarts you will need to log in again.</source>
        <translation>В системе нет защищённого хранилища паролей: после перезапуска приложения потребуется войти снова.</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo mode: demo data, and sign-ins kept in the demo folder instead of a secure store.</source>
        <translation>Демо-режим: демо-данные, вход хранится в папке демо, а не в защищённом хранилище.</translation>
    </message>
    <message>
        <source>Check the configuration</source>
        <translation>Проверьте настройки</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
</context>
<context>
    <name>Discrepancies</name>
    <message>
        <source>Handover discrepancies: %1</source>
        <translation>Расхождения при передаче: %1</translation>
    </message>
    <message>
        <source>no seal</source>
        <translation>без пломбы</translation>
    </message>
    <message>
        <source>Box %1: seal %2 sent, %3 found</source>
        <translation>Короб %1: отправлена пломба %2, найдена %3</translation>
    </message>
    <message>
        <source>Box %1: seal broken</source>
        <translation>Короб %1: пломба нарушена</translation>
    </message>
    <message>
        <source>Box %1: sent, not received</source>
        <translation>Короб %1: отправлен, не получен</translation>
    </message>
    <message>
        <source>Box %1: received, never handed over</source>
        <translation>Короб %1: получен, но не передавался</translation>
    </message>
    <message>
        <source>courier %1</source>
        <translation>курьер %1</translation>
    </message>
    <message>
        <source>photos: %1</source>
        <translation>фото: %1</translation>
    </message>
</context>
<context>
    <name>DisputeAct</name>
    <message>
        <source>Dispute act</source>
        <translation>Акт для спора</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Коробка</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>Составлен</translation>
    </message>
    <message>
        <source>by</source>
        <translation>кем:</translation>
    </message>
    <message>
        <source>When (local time)</source>
        <translation>Когда (местное время)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Cell / location / box</source>
        <translation>Ячейка / место / коробка</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>ещё не отправлено</translation>
    </message>
    <message>
        <source>confirmed by the server</source>
        <translation>подтверждено сервером</translation>
    </message>
    <message>
        <source>rejected by the server</source>
        <translation>отклонено сервером</translation>
    </message>
    <message>
        <source>Nothing recorded for this subject.</source>
        <translation>По этому объекту ничего не записано.</translation>
    </message>
    <message>
        <source>Times to look up in the camera recording</source>
        <translation>Время для поиска в записи камер</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Цепочка</translation>
    </message>
    <message>
        <source>Photo taken</source>
        <translation>Сделано фото</translation>
    </message>
    <message>
        <source>Unit label</source>
        <translation>Этикетка товара</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Статус сейчас</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ячейка</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Already scanned, counted once. Scan the next item.</source>
        <translation>Уже отсканировано и учтено один раз. Сканируйте следующий товар.</translation>
    </message>
    <message>
        <source>No scanner found. Plug it in or choose its port in settings.</source>
        <translation>Сканер не найден. Подключите его или выберите его порт в настройках.</translation>
    </message>
    <message>
        <source>Scanner connected.</source>
        <translation>Сканер подключён.</translation>
    </message>
    <message>
        <source>Scanner disconnected. Plug it back in; it reconnects by itself.</source>
        <translation>Сканер отключён. Подключите его снова — связь восстановится сама.</translation>
    </message>
    <message>
        <source>The scan was cut off. Scan again; if it repeats, set the scanner&apos;s suffix to Enter.</source>
        <translation>Скан оборвался. Отсканируйте ещё раз; если повторится, настройте суффикс сканера на Enter.</translation>
    </message>
    <message>
        <source>The scan was too long and was discarded. Scan the label again; if it repeats, check the scanner&apos;s suffix setting.</source>
        <translation>Скан слишком длинный и отброшен. Отсканируйте этикетку ещё раз; если повторится, проверьте настройку суффикса сканера.</translation>
    </message>
    <message>
        <source>The scanner reported an error. Unplug it and plug it back in.</source>
        <translation>Сканер сообщил об ошибке. Отключите его и подключите снова.</translation>
    </message>
    <message>
        <source>The scanner sent unreadable data. Scan again; if it repeats, check the port speed (baud rate) in settings.</source>
        <translation>Сканер передал нечитаемые данные. Отсканируйте ещё раз; если повторится, проверьте скорость порта (бод) в настройках.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>a product barcode</source>
        <comment>product</comment>
        <translation>штрихкод товара</translation>
    </message>
    <message>
        <source>a unit label</source>
        <comment>unit</comment>
        <translation>этикетку единицы товара</translation>
    </message>
    <message>
        <source>a cell label</source>
        <comment>cell</comment>
        <translation>этикетку ячейки</translation>
    </message>
    <message>
        <source>a shelf location label</source>
        <comment>location</comment>
        <translation>этикетку места хранения</translation>
    </message>
    <message>
        <source>a box label</source>
        <comment>box</comment>
        <translation>этикетку короба</translation>
    </message>
    <message>
        <source>an employee badge</source>
        <comment>badge</comment>
        <translation>бейдж сотрудника</translation>
    </message>
    <message>
        <source>a pickup QR code</source>
        <comment>pickup</comment>
        <translation>QR-код получения заказа</translation>
    </message>
    <message>
        <source>a marking code</source>
        <comment>marking</comment>
        <translation>код маркировки «Честный знак»</translation>
    </message>
    <message>
        <source>a delivery document barcode</source>
        <comment>document</comment>
        <translation>штрихкод накладной</translation>
    </message>
    <message>
        <source>a tote label</source>
        <comment>tote</comment>
        <translation>этикетку ящика тележки</translation>
    </message>
    <message>
        <source>a seal number</source>
        <comment>seal</comment>
        <translation>номер пломбы</translation>
    </message>
</context>
<context>
    <name>LabelPrinter</name>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Предпросмотр печати</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This is not a pickup code.</source>
        <comment>pickup_malformed</comment>
        <translation>Это не код получения заказа.</translation>
    </message>
    <message>
        <source>The pickup code is not genuine.</source>
        <comment>pickup_bad_signature</comment>
        <translation>Код получения поддельный.</translation>
    </message>
    <message>
        <source>The pickup code has expired: ask the customer to refresh it.</source>
        <comment>pickup_expired</comment>
        <translation>Срок действия кода истёк: попросите покупателя обновить его.</translation>
    </message>
    <message>
        <source>The pickup code was revoked.</source>
        <comment>pickup_revoked</comment>
        <translation>Код получения отозван.</translation>
    </message>
    <message>
        <source>This order is for another pickup point.</source>
        <comment>pickup_wrong_pvz</comment>
        <translation>Этот заказ для другого пункта выдачи.</translation>
    </message>
    <message>
        <source>Pickup codes cannot be checked yet: sync with the server first.</source>
        <comment>pickup_no_key</comment>
        <translation>Коды получения пока нельзя проверить: сначала синхронизируйтесь с сервером.</translation>
    </message>
    <message>
        <source>No order matches this short code.</source>
        <comment>pickup_unknown_code</comment>
        <translation>Нет заказа с таким кодом.</translation>
    </message>
    <message>
        <source>The marking code belongs to another product.</source>
        <comment>gtin_mismatch</comment>
        <translation>Код маркировки от другого товара.</translation>
    </message>
    <message>
        <source>The marking code is damaged or not a Chestny Znak code.</source>
        <comment>bad_marking</comment>
        <translation>Код маркировки повреждён или это не код «Честного знака».</translation>
    </message>
    <message>
        <source>Already done for this unit.</source>
        <comment>already_in_state</comment>
        <translation>С этим товаром это уже сделано.</translation>
    </message>
    <message>
        <source>This unit&apos;s journey is over: nothing more can be done.</source>
        <comment>final_state</comment>
        <translation>Путь этого товара завершён: больше ничего сделать нельзя.</translation>
    </message>
    <message>
        <source>This action is not allowed for the unit in its state.</source>
        <comment>not_allowed</comment>
        <translation>В текущем состоянии товара это действие запрещено.</translation>
    </message>
    <message>
        <source>This action is not allowed for the unit in its state.</source>
        <comment>illegal_transition</comment>
        <translation>В текущем состоянии товара это действие запрещено.</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <comment>forbidden_role</comment>
        <translation>Вашей роли это запрещено.</translation>
    </message>
    <message>
        <source>This unit belongs to another site.</source>
        <comment>wrong_site</comment>
        <translation>Этот товар относится к другому пункту.</translation>
    </message>
    <message>
        <source>Unknown unit: not expected at this pickup point.</source>
        <comment>unknown_unit</comment>
        <translation>Неизвестный товар: этот пункт его не ждёт.</translation>
    </message>
    <message>
        <source>Unknown box: no shipment with this label.</source>
        <comment>unknown_box</comment>
        <translation>Неизвестный короб: отгрузки с такой этикеткой нет.</translation>
    </message>
    <message>
        <source>Unknown cell at this pickup point.</source>
        <comment>unknown_cell</comment>
        <translation>В этом пункте нет такой ячейки.</translation>
    </message>
    <message>
        <source>Unknown order.</source>
        <comment>unknown_order</comment>
        <translation>Неизвестный заказ.</translation>
    </message>
    <message>
        <source>The cell is full: choose another one.</source>
        <comment>cell_full</comment>
        <translation>Ячейка заполнена: выберите другую.</translation>
    </message>
    <message>
        <source>Wrong cell: scan the suggested cell&apos;s label.</source>
        <comment>wrong_cell</comment>
        <translation>Не та ячейка: отсканируйте этикетку предложенной ячейки.</translation>
    </message>
    <message>
        <source>Wrong unit: this one is not in the current order.</source>
        <comment>wrong_unit</comment>
        <translation>Не тот товар: его нет в текущем заказе.</translation>
    </message>
    <message>
        <source>This unit was not shipped in this box.</source>
        <comment>not_in_box</comment>
        <translation>Этот товар не отгружали в этом коробе.</translation>
    </message>
    <message>
        <source>The operation is malformed.</source>
        <comment>invalid_payload</comment>
        <translation>Операция составлена неверно.</translation>
    </message>
    <message>
        <source>The operation is malformed.</source>
        <comment>invalid_operation</comment>
        <translation>Операция составлена неверно.</translation>
    </message>
    <message>
        <source>Unknown operation type.</source>
        <comment>unknown_type</comment>
        <translation>Неизвестный тип операции.</translation>
    </message>
    <message>
        <source>The journal&apos;s hash chain is broken: an operation is missing, out of order or altered.</source>
        <comment>broken_chain</comment>
        <translation>Цепочка хешей журнала нарушена: операция пропущена, переставлена или изменена.</translation>
    </message>
    <message>
        <source>Conflict: the order changed meanwhile.</source>
        <comment>conflict</comment>
        <translation>Конфликт: заказ тем временем изменился.</translation>
    </message>
    <message>
        <source>Open a shift first.</source>
        <comment>no_shift</comment>
        <translation>Сначала откройте смену.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <comment>no_user</comment>
        <translation>Сначала войдите.</translation>
    </message>
    <message>
        <source>This unit came in another box.</source>
        <comment>wrong_box</comment>
        <translation>Этот товар пришёл в другом коробе.</translation>
    </message>
    <message>
        <source>Wrong kind of box for this step.</source>
        <comment>wrong_box_kind</comment>
        <translation>Для этого шага нужен короб другого типа.</translation>
    </message>
    <message>
        <source>This box label is already in use.</source>
        <comment>box_exists</comment>
        <translation>Эта этикетка короба уже используется.</translation>
    </message>
    <message>
        <source>The box is already closed.</source>
        <comment>box_closed</comment>
        <translation>Короб уже закрыт.</translation>
    </message>
    <message>
        <source>The box is empty: scan units into it first.</source>
        <comment>box_empty</comment>
        <translation>Короб пуст: сначала отсканируйте в него товары.</translation>
    </message>
    <message>
        <source>Every box on the route needs its seal, and only those boxes.</source>
        <comment>seal_required</comment>
        <translation>Каждому коробу рейса нужна своя пломба, и только им.</translation>
    </message>
    <message>
        <source>The box is not closed yet.</source>
        <comment>box_open</comment>
        <translation>Короб ещё не закрыт.</translation>
    </message>
    <message>
        <source>This unit is not in a cell.</source>
        <comment>not_in_cell</comment>
        <translation>Этот товар не лежит в ячейке.</translation>
    </message>
    <message>
        <source>This unit belongs to another order.</source>
        <comment>wrong_order</comment>
        <translation>Этот товар из другого заказа.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <comment>reason_required</comment>
        <translation>Укажите причину.</translation>
    </message>
    <message>
        <source>This unit is not to be returned.</source>
        <comment>not_returnable</comment>
        <translation>Этот товар не подлежит возврату.</translation>
    </message>
    <message>
        <source>This unit&apos;s storage is not over: it stays in its cell.</source>
        <comment>not_overdue</comment>
        <translation>Срок хранения товара не истёк: он остаётся в ячейке.</translation>
    </message>
    <message>
        <source>Only fetched clothes and shoes go to a fitting room: fetch them first.</source>
        <comment>no_try_on</comment>
        <translation>В примерочную идут только принесённые одежда и обувь: сначала принесите их.</translation>
    </message>
    <message>
        <source>Every fitting room is taken: wait for one to free up.</source>
        <comment>fitting_full</comment>
        <translation>Все примерочные заняты: дождитесь, пока одна освободится.</translation>
    </message>
    <message>
        <source>This fitting room is free already.</source>
        <comment>fitting_free</comment>
        <translation>Эта примерочная уже свободна.</translation>
    </message>
    <message>
        <source>This unit is not waiting in a cell here.</source>
        <comment>not_ready</comment>
        <translation>Этот товар не ждёт в ячейке этого пункта.</translation>
    </message>
    <message>
        <source>The order is paid at pickup and its payment has not arrived: it cannot be issued.</source>
        <comment>payment_due</comment>
        <translation>Заказ оплачивается при получении, а оплата не поступила: выдать его нельзя.</translation>
    </message>
    <message>
        <source>This conflict no longer exists.</source>
        <comment>unknown_conflict</comment>
        <translation>Этого конфликта больше нет.</translation>
    </message>
    <message>
        <source>This conflict is already resolved.</source>
        <comment>already_resolved</comment>
        <translation>Этот конфликт уже разрешён.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <comment>wrong_password</comment>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <source>The saved login data is damaged: log in with a network connection.</source>
        <comment>bad_verifier</comment>
        <translation>Сохранённые данные входа повреждены: войдите при наличии сети.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <comment>network</comment>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <comment>invalid_credentials</comment>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <comment>bad_credentials</comment>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>This user has never logged in on this computer: connect to log in online.</source>
        <comment>unknown_user</comment>
        <translation>Этот пользователь ещё не входил на этом компьютере: для входа нужна связь с сервером.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <comment>offline</comment>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>Settings need an administrator.</source>
        <comment>not_admin</comment>
        <translation>Настройки доступны только администратору.</translation>
    </message>
    <message>
        <source>A disk or network error: nothing was recorded.</source>
        <comment>io_error</comment>
        <translation>Ошибка диска или сети: ничего не записано.</translation>
    </message>
    <message>
        <source>Unexpected error: nothing was recorded. Tell support.</source>
        <comment>internal</comment>
        <translation>Непредвиденная ошибка: ничего не записано. Сообщите в поддержку.</translation>
    </message>
    <message>
        <source>The disk is full: the operation was not saved. Free some space and try again. Operations already confirmed are saved.</source>
        <comment>disk_full</comment>
        <translation>Диск заполнен: операция не сохранена. Освободите место и повторите. Уже подтверждённые операции сохранены.</translation>
    </message>
    <message>
        <source>The database is read-only: the operation was not saved. Check the permissions of the app&apos;s data folder.</source>
        <comment>read_only</comment>
        <translation>База данных доступна только для чтения: операция не сохранена. Проверьте права на папку данных приложения.</translation>
    </message>
    <message>
        <source>The database is busy in another process: the operation was not saved. Close the second copy of the app and try again.</source>
        <comment>locked</comment>
        <translation>База данных занята другим процессом: операция не сохранена. Закройте вторую копию приложения и повторите.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not this app&apos;s database.</source>
        <comment>corrupt</comment>
        <translation>Файл базы данных повреждён или это не база данных приложения.</translation>
    </message>
    <message>
        <source>The app&apos;s database could not be opened.</source>
        <comment>cannot_open</comment>
        <translation>Не удалось открыть базу данных приложения.</translation>
    </message>
    <message>
        <source>The app&apos;s files could not be written: the operation was not saved.</source>
        <comment>store_io</comment>
        <translation>Ошибка записи файлов приложения: операция не сохранена.</translation>
    </message>
    <message>
        <source>Local database error: the operation was not saved.</source>
        <comment>store_error</comment>
        <translation>Ошибка локальной базы данных: операция не сохранена.</translation>
    </message>
    <message>
        <source>The app&apos;s data folder could not be created.</source>
        <comment>data_folder</comment>
        <translation>Не удалось создать папку данных приложения.</translation>
    </message>
    <message>
        <source>The database did not switch to WAL mode.</source>
        <comment>no_wal</comment>
        <translation>База данных не переключилась в режим WAL.</translation>
    </message>
    <message>
        <source>This database belongs to another device: its operation journal cannot be continued.</source>
        <comment>foreign_device</comment>
        <translation>Эта база данных принадлежит другому устройству: журнал операций нельзя продолжить.</translation>
    </message>
    <message>
        <source>The database was created by a newer version of the app: install that version again (an older version may damage the data).</source>
        <comment>newer_schema</comment>
        <translation>База данных создана более новой версией приложения: установите эту версию снова (старая версия может повредить данные).</translation>
    </message>
    <message>
        <source>The photo could not be saved in the app&apos;s data folder.</source>
        <comment>photo_not_saved</comment>
        <translation>Не удалось сохранить фото в папку данных приложения.</translation>
    </message>
    <message>
        <source>Unknown storage location.</source>
        <comment>unknown_location</comment>
        <translation>Неизвестное место хранения.</translation>
    </message>
    <message>
        <source>Unknown pick task: sync and try again.</source>
        <comment>unknown_task</comment>
        <translation>Неизвестное задание: синхронизируйтесь и повторите.</translation>
    </message>
    <message>
        <source>This unit is not in the pick task.</source>
        <comment>not_in_task</comment>
        <translation>Этого товара нет в задании.</translation>
    </message>
    <message>
        <source>Wrong destination: this goes to another pickup point.</source>
        <comment>wrong_destination</comment>
        <translation>Не то направление: это едет в другой пункт выдачи.</translation>
    </message>
    <message>
        <source>The route is already closed.</source>
        <comment>route_closed</comment>
        <translation>Маршрут уже закрыт.</translation>
    </message>
    <message>
        <source>Unknown route.</source>
        <comment>unknown_route</comment>
        <translation>Неизвестный маршрут.</translation>
    </message>
    <message>
        <source>This action is not possible for the unit in its current status.</source>
        <comment>wrong_status</comment>
        <translation>С товаром в текущем статусе это сделать нельзя.</translation>
    </message>
    <message>
        <source>the server is temporarily unavailable ({status}): {text}</source>
        <comment>sync_server_busy</comment>
        <translation>сервер временно недоступен ({status}): {text}</translation>
    </message>
    <message>
        <source>the session has expired: log in again</source>
        <comment>sync_session_expired</comment>
        <translation>сессия истекла: войдите снова</translation>
    </message>
    <message>
        <source>the server refused the request ({status}): {text}</source>
        <comment>sync_refused</comment>
        <translation>сервер отклонил запрос ({status}): {text}</translation>
    </message>
    <message>
        <source>no answer from the server (timeout)</source>
        <comment>sync_timeout</comment>
        <translation>нет ответа от сервера (таймаут)</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <comment>sync_offline</comment>
        <translation>нет связи с сервером</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <comment>sync_unexpected</comment>
        <translation>неожиданная ошибка: {error}</translation>
    </message>
    <message>
        <source>the server did not answer in JSON</source>
        <comment>sync_not_json</comment>
        <translation>сервер прислал не JSON</translation>
    </message>
    <message>
        <source>the server does not know this device&apos;s earlier operations (a gap in the numbering); call the administrator</source>
        <comment>sync_seq_gap</comment>
        <translation>сервер не знает более ранних операций этого устройства (разрыв нумерации); обратитесь к администратору</translation>
    </message>
    <message>
        <source>the server answered the push without results</source>
        <comment>sync_no_results</comment>
        <translation>ответ сервера на отправку без результатов</translation>
    </message>
    <message>
        <source>the server confirmed none of the operations</source>
        <comment>sync_none_confirmed</comment>
        <translation>сервер не подтвердил ни одной операции</translation>
    </message>
    <message>
        <source>the server did not give a new device number</source>
        <comment>sync_no_epoch</comment>
        <translation>сервер не выдал новый номер устройства</translation>
    </message>
    <message>
        <source>the server&apos;s answer with the changes is incomplete</source>
        <comment>sync_pull_incomplete</comment>
        <translation>ответ сервера на получение изменений неполон</translation>
    </message>
    <message>
        <source>the server sent an incomplete answer to the login</source>
        <comment>auth_bad_answer</comment>
        <translation>сервер прислал неполный ответ на вход</translation>
    </message>
    <message>
        <source>no connection to the server</source>
        <comment>auth_network</comment>
        <translation>нет связи с сервером</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <comment>auth_invalid_credentials</comment>
        <translation>неверное имя пользователя или пароль</translation>
    </message>
    <message>
        <source>too many failed attempts, wait</source>
        <comment>auth_too_many_attempts</comment>
        <translation>слишком много неудачных попыток, подождите</translation>
    </message>
    <message>
        <source>server error ({status})</source>
        <comment>auth_server</comment>
        <translation>ошибка сервера ({status})</translation>
    </message>
    <message>
        <source>this user works at another site, and this computer is set up for this one: call the administrator</source>
        <comment>auth_wrong_site</comment>
        <translation>этот пользователь работает в другом пункте, а компьютер настроен для этого: обратитесь к администратору</translation>
    </message>
    <message>
        <source>this device is assigned to another site: call the administrator</source>
        <comment>auth_wrong_device</comment>
        <translation>это устройство закреплено за другим пунктом: обратитесь к администратору</translation>
    </message>
    <message>
        <source>this device was taken out of service by the administrator</source>
        <comment>auth_device_retired</comment>
        <translation>это устройство выведено из работы администратором</translation>
    </message>
    <message>
        <source>login refused ({status}): {text}</source>
        <comment>auth_rejected</comment>
        <translation>вход отклонён ({status}): {text}</translation>
    </message>
    <message>
        <source>too many wrong passwords: wait {minutes} minutes or log in with a network connection</source>
        <comment>locked_out</comment>
        <translation>слишком много неверных паролей: подождите {minutes} минут или войдите при наличии сети</translation>
    </message>
    <message>
        <source>nobody is logged in</source>
        <comment>no_session</comment>
        <translation>никто не вошёл</translation>
    </message>
    <message>
        <source>This system has no secure password storage: after a restart of the app you will have to log in again.</source>
        <comment>insecure_keyring</comment>
        <translation>В системе нет защищённого хранилища паролей: после перезапуска приложения потребуется войти снова.</translation>
    </message>
    <message>
        <source>The code is valid.</source>
        <comment>pickup_ok</comment>
        <translation>Код верен.</translation>
    </message>
    <message>
        <source>Nothing was scanned.</source>
        <comment>empty</comment>
        <translation>Ничего не отсканировано.</translation>
    </message>
    <message>
        <source>The code is too long ({length} characters) to be one of our labels.</source>
        <comment>too_long</comment>
        <translation>Слишком длинный код ({length} символов): это не наша этикетка.</translation>
    </message>
    <message>
        <source>Unknown barcode. Scan a product, unit, cell, box or document label.</source>
        <comment>unknown_format</comment>
        <translation>Неизвестный штрихкод. Отсканируйте этикетку товара, ячейки, короба или документа.</translation>
    </message>
    <message>
        <source>This looks like {kind}, but the code is incomplete or damaged. Scan it again.</source>
        <comment>malformed</comment>
        <translation>Похоже на {kind}, но код неполный или повреждён. Отсканируйте ещё раз.</translation>
    </message>
    <message>
        <source>The check digit does not match: the label is damaged or misprinted. Scan it again or type the code.</source>
        <comment>bad_check_digit</comment>
        <translation>Контрольная цифра не сходится: этикетка повреждена или напечатана с ошибкой. Отсканируйте ещё раз или введите код вручную.</translation>
    </message>
    <message>
        <source>The GS1 data in this barcode is broken ({detail}). Scan it again.</source>
        <comment>bad_gs1</comment>
        <translation>Данные GS1 в штрихкоде повреждены. Отсканируйте ещё раз.</translation>
    </message>
    <message>
        <source>This box label is not one of ours.</source>
        <comment>foreign_box</comment>
        <translation>Это этикетка чужого короба, а не нашего.</translation>
    </message>
    <message>
        <source>Wrong label: scan {expected}, not {scanned}.</source>
        <comment>wrong_kind</comment>
        <translation>Не та этикетка: отсканируйте {expected}, а не {scanned}.</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <comment>either_or</comment>
        <translation>{first} или {second}</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Shift opened</source>
        <translation>Смена открыта</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Смена закрыта</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>Приёмка</translation>
    </message>
    <message>
        <source>Move to another cell</source>
        <translation>Перемещение в другую ячейку</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>Недостача</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>Повреждение</translation>
    </message>
    <message>
        <source>Unit found</source>
        <translation>Товар найден</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Излишек</translation>
    </message>
    <message>
        <source>Acceptance closed</source>
        <translation>Приёмка закрыта</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Выдача</translation>
    </message>
    <message>
        <source>To the fitting room</source>
        <translation>В примерочную</translation>
    </message>
    <message>
        <source>Return box opened</source>
        <translation>Открыт возвратный короб</translation>
    </message>
    <message>
        <source>Return packing</source>
        <translation>Упаковка возврата</translation>
    </message>
    <message>
        <source>Return box closed</source>
        <translation>Возвратный короб закрыт</translation>
    </message>
    <message>
        <source>Handover to the courier</source>
        <translation>Передача курьеру</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Picked unit</source>
        <translation>Сборка товара</translation>
    </message>
    <message>
        <source>Skipped unit</source>
        <translation>Пропуск товара</translation>
    </message>
    <message>
        <source>Box opened</source>
        <translation>Открытие короба</translation>
    </message>
    <message>
        <source>Unit packed</source>
        <translation>Упаковка товара</translation>
    </message>
    <message>
        <source>Box closed</source>
        <translation>Закрытие короба</translation>
    </message>
    <message>
        <source>Box onto a route</source>
        <translation>Короб в рейс</translation>
    </message>
    <message>
        <source>Route closed</source>
        <translation>Закрытие рейса</translation>
    </message>
    <message>
        <source>Return received</source>
        <translation>Приём возврата</translation>
    </message>
    <message>
        <source>Return receipt closed</source>
        <translation>Приёмка возврата закрыта</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Инвентаризация места</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>Размещение</translation>
    </message>
    <message>
        <source>Label reprinted</source>
        <translation>Перепечатка этикетки</translation>
    </message>
</context>
<context>
    <name>PhotoCaptureDialog</name>
    <message>
        <source>Photo evidence</source>
        <translation>Фотофиксация</translation>
    </message>
    <message>
        <source>F1  Photo</source>
        <translation>F1  Фото</translation>
    </message>
    <message>
        <source>F2  File…</source>
        <translation>F2  Файл…</translation>
    </message>
    <message>
        <source>Space  Take photo</source>
        <translation>Пробел  Сфотографировать</translation>
    </message>
    <message>
        <source>Ctrl+O  From file…</source>
        <translation>Ctrl+O  Из файла…</translation>
    </message>
    <message>
        <source>Enter  Done</source>
        <translation>Enter  Готово</translation>
    </message>
    <message>
        <source>No camera found: choose a photo file (F2).</source>
        <translation>Камера не найдена: выберите файл с фото (F2).</translation>
    </message>
    <message>
        <source>No camera found: choose a photo file (Ctrl+O).</source>
        <translation>Камера не найдена: выберите файл с фото (Ctrl+O).</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Включаем камеру…</translation>
    </message>
    <message>
        <source>The camera has not shown a picture yet.</source>
        <translation>Камера ещё не показала изображение.</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Выберите фото</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.webp)</source>
        <translation>Изображения (*.jpg *.jpeg *.png *.bmp *.webp)</translation>
    </message>
    <message>
        <source>This file is not a picture that can be kept.</source>
        <translation>Этот файл — не изображение, его нельзя сохранить.</translation>
    </message>
    <message>
        <source>This picture cannot be kept: only JPEG or PNG up to 8 MiB.</source>
        <translation>Это изображение нельзя сохранить: только JPEG или PNG до 8 МиБ.</translation>
    </message>
    <message>
        <source>The photo was not saved: %1</source>
        <translation>Фото не сохранено: %1</translation>
    </message>
    <message>
        <source>Photo kept (%1 in all). It is sent to the server with the next sync.</source>
        <translation>Фото сохранено (всего %1). Оно уйдёт на сервер при следующей синхронизации.</translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <source>Log in again</source>
        <translation>Войдите снова</translation>
    </message>
    <message>
        <source>The server ended the session of %1. Enter the password to continue syncing: the screen you are on stays as it is.</source>
        <translation>Сервер завершил сеанс пользователя %1. Введите пароль, чтобы продолжить синхронизацию: экран, на котором вы работаете, останется как есть.</translation>
    </message>
    <message>
        <source>%1 operations wait on this device and will be sent.</source>
        <translation>Операций ждут отправки на этом устройстве: %1, они будут отправлены.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Пароль пользователя %1</translation>
    </message>
    <message>
        <source>Enter  Log in</source>
        <translation>Enter  Войти</translation>
    </message>
    <message>
        <source>Esc  Later</source>
        <translation>Esc  Позже</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The server does not answer: try again in a moment. Your work is kept.</source>
        <translation>Сервер не отвечает: попробуйте чуть позже. Ваша работа сохранена.</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>Неверный пароль.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Box acceptance report</source>
        <comment>acceptance.title</comment>
        <translation>Акт приёмки короба</translation>
    </message>
    <message>
        <source>Handover act</source>
        <comment>handover.title</comment>
        <translation>Акт приёма-передачи</translation>
    </message>
    <message>
        <source>Shift report</source>
        <comment>shift.title</comment>
        <translation>Отчёт о смене</translation>
    </message>
    <message>
        <source>Site</source>
        <comment>site</comment>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Box (SSCC)</source>
        <comment>box</comment>
        <translation>Короб (SSCC)</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>date</comment>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Clerk</source>
        <comment>clerk</comment>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Courier</source>
        <comment>courier</comment>
        <translation>Курьер</translation>
    </message>
    <message>
        <source>Direction</source>
        <comment>direction</comment>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <comment>opened</comment>
        <translation>Смена открыта</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <comment>closed</comment>
        <translation>Смена закрыта</translation>
    </message>
    <message>
        <source>No.</source>
        <comment>no</comment>
        <translation>№</translation>
    </message>
    <message>
        <source>Unit</source>
        <comment>unit</comment>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Product</source>
        <comment>product</comment>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Cell</source>
        <comment>cell</comment>
        <translation>Ячейка</translation>
    </message>
    <message>
        <source>Result</source>
        <comment>result</comment>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Units</source>
        <comment>units</comment>
        <translation>Единиц</translation>
    </message>
    <message>
        <source>Operation</source>
        <comment>operation</comment>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Count</source>
        <comment>count</comment>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Expected</source>
        <comment>expected</comment>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>accepted</comment>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Missing</source>
        <comment>missing</comment>
        <translation>Недостача</translation>
    </message>
    <message>
        <source>Surplus</source>
        <comment>surplus</comment>
        <translation>Излишек</translation>
    </message>
    <message>
        <source>Damaged</source>
        <comment>damaged</comment>
        <translation>Повреждено</translation>
    </message>
    <message>
        <source>Boxes in total</source>
        <comment>total_boxes</comment>
        <translation>Всего коробов</translation>
    </message>
    <message>
        <source>Units in total</source>
        <comment>total_units</comment>
        <translation>Всего единиц</translation>
    </message>
    <message>
        <source>PVZ clerk</source>
        <comment>sign.clerk</comment>
        <translation>Сотрудник ПВЗ</translation>
    </message>
    <message>
        <source>Courier</source>
        <comment>sign.courier</comment>
        <translation>Курьер</translation>
    </message>
    <message>
        <source>Manager</source>
        <comment>sign.manager</comment>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Handed to the courier</source>
        <comment>out</comment>
        <translation>Передано курьеру</translation>
    </message>
    <message>
        <source>Received from the courier</source>
        <comment>in</comment>
        <translation>Получено от курьера</translation>
    </message>
    <message>
        <source>still open</source>
        <comment>open</comment>
        <translation>не закрыта</translation>
    </message>
</context>
<context>
    <name>ScannerBridge</name>
    <message>
        <source>A question is open on the screen: answer it first. The scan was not applied.</source>
        <translation>На экране открыт вопрос: сначала ответьте на него. Скан не применён.</translation>
    </message>
</context>
<context>
    <name>ScannerPage</name>
    <message>
        <source>Scanner</source>
        <translation>Сканер</translation>
    </message>
    <message>
        <source>Choose the serial port of a USB or serial scanner. A scanner that types like a keyboard needs no port.</source>
        <translation>Выберите последовательный порт USB- или COM-сканера. Сканеру, который работает как клавиатура, порт не нужен.</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Искать снова</translation>
    </message>
    <message>
        <source>Scanner port:</source>
        <translation>Порт сканера:</translation>
    </message>
    <message>
        <source>No serial port (keyboard scanner)</source>
        <translation>Без порта (сканер-клавиатура)</translation>
    </message>
    <message>
        <source>Cannot list the serial ports: %1</source>
        <translation>Не удалось получить список портов: %1</translation>
    </message>
    <message numerus="yes">
        <source>Found %n serial port(s).</source>
        <translation>
            <numerusform>Найден %n последовательный порт.</numerusform>
            <numerusform>Найдено %n последовательных порта.</numerusform>
            <numerusform>Найдено %n последовательных портов.</numerusform>
        </translation>
    </message>
    <message>
        <source>No serial port found. Plug the scanner in and press Search again, or go on with a keyboard scanner.</source>
        <translation>Последовательных портов не найдено. Подключите сканер и нажмите «Искать снова» или продолжайте со сканером-клавиатурой.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>WB Ops: first-run setup</source>
        <translation>WB Ops: первоначальная настройка</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Site</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>The pickup point or warehouse this device belongs to.</source>
        <translation>Пункт выдачи или склад, к которому относится это устройство.</translation>
    </message>
    <message>
        <source>Site id:</source>
        <translation>Код пункта:</translation>
    </message>
    <message>
        <source>Device id:</source>
        <translation>Код устройства:</translation>
    </message>
    <message>
        <source>A site id is capital letters, digits and dashes, like PVZ-12 or WH-MSK-1.</source>
        <translation>Код точки: заглавные латинские буквы, цифры и дефисы, например PVZ-12 или WH-MSK-1.</translation>
    </message>
    <message>
        <source>The server has no site %1. Check the id: an administrator creates sites with wb-backend create-site.</source>
        <translation>На сервере нет пункта %1. Проверьте код: пункты создаёт администратор командой wb-backend create-site.</translation>
    </message>
    <message>
        <source>%1 is not a site for this app (it is a %2 site).</source>
        <translation>%1 не подходит для этого приложения (это пункт типа %2).</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The app cannot open its local database</source>
        <translation>Приложение не может открыть свою локальную базу данных</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <source>created</source>
        <translation>создан</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачен</translation>
    </message>
    <message>
        <source>picked at the warehouse</source>
        <translation>собран на складе</translation>
    </message>
    <message>
        <source>packed at the warehouse</source>
        <translation>упакован на складе</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>в пути</translation>
    </message>
    <message>
        <source>in a cell</source>
        <translation>в ячейке</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>выдан</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отказ</translation>
    </message>
    <message>
        <source>in a return box</source>
        <translation>в возвратном коробе</translation>
    </message>
    <message>
        <source>returned to the courier</source>
        <translation>передан курьеру</translation>
    </message>
    <message>
        <source>back at the warehouse</source>
        <translation>вернулся на склад</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>недостача</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>повреждён</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>now</source>
        <translation>только что</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <source>The server ended the session: log in again to send the queue.</source>
        <translation>Сервер завершил сеанс: войдите снова, чтобы отправить очередь.</translation>
    </message>
    <message>
        <source>No answer from the server for %1 s.</source>
        <translation>Сервер не отвечает уже %1 с.</translation>
    </message>
    <message>
        <source>No answer from the server.</source>
        <translation>Сервер не отвечает.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <translation>Нет связи с сервером.</translation>
    </message>
    <message>
        <source>The server has a fault: trying again.</source>
        <translation>Сбой на сервере: пробуем ещё раз.</translation>
    </message>
    <message>
        <source>The server is missing earlier operations of this device: call the administrator.</source>
        <translation>На сервере нет более ранних операций этого устройства: позвоните администратору.</translation>
    </message>
    <message>
        <source>The server refused the data: call the administrator.</source>
        <translation>Сервер отклонил данные: позвоните администратору.</translation>
    </message>
    <message>
        <source>The local database failed: call the administrator.</source>
        <translation>Сбой локальной базы данных: позвоните администратору.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>● Syncing…</source>
        <translation>● Синхронизация…</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Нет связи</translation>
    </message>
    <message>
        <source>● No answer</source>
        <translation>● Нет ответа</translation>
    </message>
    <message>
        <source>● Log in again</source>
        <translation>● Войдите снова</translation>
    </message>
    <message>
        <source>Pending: %1 (oldest %2)</source>
        <translation>Не отправлено: %1 (старейшая %2)</translation>
    </message>
    <message>
        <source>Pending: 0</source>
        <translation>Не отправлено: 0</translation>
    </message>
    <message>
        <source>Last sync: %1 (%2)</source>
        <translation>Синхронизация: %1 (%2)</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Синхронизации ещё не было</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Конфликты: %1</translation>
    </message>
    <message>
        <source>Scanner: ready</source>
        <translation>Сканер: готов</translation>
    </message>
    <message>
        <source>Scanner: disconnected</source>
        <translation>Сканер: отключён</translation>
    </message>
    <message>
        <source>Scanner: keyboard</source>
        <translation>Сканер: клавиатура</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Вход не выполнен</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Check the settings and press Finish to save them.</source>
        <translation>Проверьте настройки и нажмите «Готово», чтобы сохранить их.</translation>
    </message>
    <message>
        <source>none (keyboard scanner)</source>
        <translation>нет (сканер-клавиатура)</translation>
    </message>
    <message>
        <source>Backend: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Site: %1</source>
        <translation>Пункт: %1</translation>
    </message>
    <message>
        <source>Device id: %1</source>
        <translation>Код устройства: %1</translation>
    </message>
    <message>
        <source>Scanner port: %1</source>
        <translation>Порт сканера: %1</translation>
    </message>
    <message>
        <source>The connection was not checked: the app will retry it on start.</source>
        <translation>Связь не проверена: приложение проверит её при запуске.</translation>
    </message>
    <message>
        <source>Cannot save the settings: %1</source>
        <translation>Не удалось сохранить настройки: %1</translation>
    </message>
</context>
<context>
    <name>Terminal</name>
    <message>
        <source>Unknown unit label {label}: sync and try again.</source>
        <comment>unknown_unit_label</comment>
        <translation>Неизвестная этикетка товара {label}: синхронизируйте и повторите.</translation>
    </message>
    <message>
        <source>Unknown box {box}: sync and try again.</source>
        <comment>unknown_box_label</comment>
        <translation>Неизвестный короб {box}: синхронизируйте и повторите.</translation>
    </message>
    <message>
        <source>Unknown product barcode {gtin}.</source>
        <comment>unknown_product</comment>
        <translation>Неизвестный штрихкод товара {gtin}.</translation>
    </message>
    <message>
        <source>Unknown location {location}.</source>
        <comment>unknown_location</comment>
        <translation>Неизвестное место хранения {location}.</translation>
    </message>
    <message>
        <source>Task done: every item is picked</source>
        <comment>pick_done</comment>
        <translation>Задание собрано полностью</translation>
    </message>
    <message>
        <source>Task done with a shortage: picked {picked} of {total}, {short} short</source>
        <comment>pick_done_short</comment>
        <translation>Задание завершено с недостачей: собрано {picked} из {total}, не хватает {short}</translation>
    </message>
    <message>
        <source>Go to {location} and scan the location</source>
        <comment>pick_scan_location</comment>
        <translation>Идите к {location} и отсканируйте место</translation>
    </message>
    <message>
        <source>Scan the item: {product}</source>
        <comment>pick_scan_unit</comment>
        <translation>Отсканируйте товар: {product}</translation>
    </message>
    <message>
        <source>Scan the location {location} first.</source>
        <comment>pick_location_first</comment>
        <translation>Сначала отсканируйте место {location}.</translation>
    </message>
    <message>
        <source>Wrong location {scanned}: this item is at {location}.</source>
        <comment>pick_wrong_location</comment>
        <translation>Не то место {scanned}: этот товар лежит в {location}.</translation>
    </message>
    <message>
        <source>Location {location} confirmed.</source>
        <comment>pick_location_ok</comment>
        <translation>Место {location} подтверждено.</translation>
    </message>
    <message>
        <source>Wrong product: this item is {product}.</source>
        <comment>pick_wrong_product</comment>
        <translation>Не тот товар: нужен {product}.</translation>
    </message>
    <message>
        <source>Enough: this item needs {demand} and all are picked.</source>
        <comment>pick_demand_met</comment>
        <translation>Хватит: по этой позиции нужно {demand}, всё собрано.</translation>
    </message>
    <message>
        <source>Not at this stop: this item is picked at {location} (stop {stop}). You are at {here}.</source>
        <comment>pick_unit_elsewhere</comment>
        <translation>Не с этого места: этот товар берётся на {location} (остановка {stop}). Вы на {here}.</translation>
    </message>
    <message>
        <source>Unit {label} is not in this task.</source>
        <comment>pick_not_in_task</comment>
        <translation>Товара {label} нет в этом задании.</translation>
    </message>
    <message>
        <source>Already picked: never more than the demand ({demand}).</source>
        <comment>pick_already_picked</comment>
        <translation>Уже собран: больше потребности ({demand}) нельзя.</translation>
    </message>
    <message>
        <source>This unit cannot be picked: it is {status}.</source>
        <comment>pick_not_pickable</comment>
        <translation>Этот товар нельзя собрать: статус «{status}».</translation>
    </message>
    <message>
        <source>Picked {picked} of {demand}.</source>
        <comment>pick_unit_ok</comment>
        <translation>Собрано {picked} из {demand}.</translation>
    </message>
    <message>
        <source>Short {count}: another one is at {location}, pick it there.</source>
        <comment>pick_short_moved</comment>
        <translation>Недостача {count}: такой же товар есть на {location}, возьмите его там.</translation>
    </message>
    <message>
        <source>Short {count}: none left in the warehouse, the customer is told.</source>
        <comment>pick_short_told</comment>
        <translation>Недостача {count}: на складе больше нет, покупателю сообщим.</translation>
    </message>
    <message>
        <source>Scan the tote for cart place {position}</source>
        <comment>cart_scan_tote</comment>
        <translation>Отсканируйте ящик для места {position} на тележке</translation>
    </message>
    <message>
        <source>{tasks} totes on the cart: start the walk</source>
        <comment>cart_ready</comment>
        <translation>Ящиков на тележке: {tasks}. Начните обход</translation>
    </message>
    <message>
        <source>Tote {tote} is place {position}.</source>
        <comment>cart_tote_bound</comment>
        <translation>Ящик {tote} на месте {position}.</translation>
    </message>
    <message>
        <source>This tote is already place {position}.</source>
        <comment>cart_tote_taken</comment>
        <translation>Этот ящик уже на месте {position}.</translation>
    </message>
    <message>
        <source>Every task of the cart has its tote ({tasks}).</source>
        <comment>cart_full</comment>
        <translation>У всех заданий тележки уже есть ящик ({tasks}).</translation>
    </message>
    <message>
        <source>Scan at least one tote first.</source>
        <comment>cart_no_totes</comment>
        <translation>Сначала отсканируйте хотя бы один ящик.</translation>
    </message>
    <message>
        <source>Walk with {tasks} totes: go to the first location.</source>
        <comment>cart_walk_starts</comment>
        <translation>Обход с ящиками: {tasks}. Идите к первому месту.</translation>
    </message>
    <message>
        <source>Cart done: every item is in its tote</source>
        <comment>cart_done</comment>
        <translation>Тележка собрана: все товары в своих ящиках</translation>
    </message>
    <message>
        <source>Put it into tote {position} and scan the tote</source>
        <comment>cart_put_into</comment>
        <translation>Положите в ящик {position} и отсканируйте ящик</translation>
    </message>
    <message>
        <source>In tote {position}.</source>
        <comment>cart_put_ok</comment>
        <translation>В ящике {position}.</translation>
    </message>
    <message>
        <source>Wrong tote {scanned}: this item goes into tote {position}.</source>
        <comment>cart_wrong_tote</comment>
        <translation>Не тот ящик ({scanned}): этот товар — в ящик {position}.</translation>
    </message>
    <message>
        <source>Put the item into tote {position} first.</source>
        <comment>cart_tote_first</comment>
        <translation>Сначала положите товар в ящик {position}.</translation>
    </message>
    <message>
        <source>Scan an item first, then its tote.</source>
        <comment>cart_unit_first</comment>
        <translation>Сначала отсканируйте товар, потом его ящик.</translation>
    </message>
    <message>
        <source>No item of this product is wanted at {location}.</source>
        <comment>cart_product_not_here</comment>
        <translation>Этот товар на {location} не нужен.</translation>
    </message>
    <message>
        <source>Item {label} is in no task of this cart.</source>
        <comment>cart_not_on_cart</comment>
        <translation>Товара {label} нет в заданиях этой тележки.</translation>
    </message>
    <message>
        <source>Scan a box label or make a new one</source>
        <comment>pack_scan_box</comment>
        <translation>Отсканируйте этикетку короба или создайте новую</translation>
    </message>
    <message>
        <source>Box closed: print its label, then take the next box</source>
        <comment>pack_closed</comment>
        <translation>Короб закрыт: наклейте этикетку и берите следующий</translation>
    </message>
    <message>
        <source>Scan the first picked unit</source>
        <comment>pack_scan_first_unit</comment>
        <translation>Отсканируйте первый собранный товар</translation>
    </message>
    <message>
        <source>Scan units for {pvz}</source>
        <comment>pack_scan_unit</comment>
        <translation>Сканируйте товары для {pvz}</translation>
    </message>
    <message>
        <source>This is a return box label: use a forward box.</source>
        <comment>pack_return_box</comment>
        <translation>Это этикетка возвратного короба: нужен короб для отправки.</translation>
    </message>
    <message>
        <source>This box is already open.</source>
        <comment>pack_same_box</comment>
        <translation>Этот короб уже открыт.</translation>
    </message>
    <message>
        <source>Box {box} is already closed.</source>
        <comment>pack_box_closed</comment>
        <translation>Короб {box} уже закрыт.</translation>
    </message>
    <message>
        <source>Box reopened: {count} units in it.</source>
        <comment>pack_box_resumed</comment>
        <translation>Короб открыт снова: в нём {count} шт.</translation>
    </message>
    <message>
        <source>New box: scan the first unit.</source>
        <comment>pack_box_new</comment>
        <translation>Новый короб: отсканируйте первый товар.</translation>
    </message>
    <message>
        <source>Close this box before starting another one.</source>
        <comment>pack_close_first</comment>
        <translation>Закройте этот короб, прежде чем начинать другой.</translation>
    </message>
    <message>
        <source>Scan a box label first.</source>
        <comment>pack_box_first</comment>
        <translation>Сначала отсканируйте этикетку короба.</translation>
    </message>
    <message>
        <source>This unit is already in this box.</source>
        <comment>pack_already_here</comment>
        <translation>Этот товар уже в коробе.</translation>
    </message>
    <message>
        <source>This unit is already packed in box {box}.</source>
        <comment>pack_in_other_box</comment>
        <translation>Этот товар уже упакован в короб {box}.</translation>
    </message>
    <message>
        <source>Only picked units can be packed: this one is {status}.</source>
        <comment>pack_not_picked</comment>
        <translation>Упаковать можно только собранный товар, а у этого статус «{status}».</translation>
    </message>
    <message>
        <source>STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside.</source>
        <comment>pack_wrong_pvz</comment>
        <translation>СТОП: товар едет в {unit_pvz}, а короб — в {box_pvz}. Отложите его.</translation>
    </message>
    <message>
        <source>In the box: {count} for {pvz}.</source>
        <comment>pack_unit_ok</comment>
        <translation>В коробе: {count} для {pvz}.</translation>
    </message>
    <message>
        <source>The box is empty.</source>
        <comment>pack_empty</comment>
        <translation>Короб пуст.</translation>
    </message>
    <message>
        <source>Box closed with {count} units.</source>
        <comment>pack_close_ok</comment>
        <translation>Короб закрыт, в нём {count} шт.</translation>
    </message>
    <message>
        <source>Route closed: the boxes are on their way</source>
        <comment>ship_closed</comment>
        <translation>Рейс закрыт: короба отправлены</translation>
    </message>
    <message>
        <source>Scan the first closed box</source>
        <comment>ship_scan_first_box</comment>
        <translation>Отсканируйте первый закрытый короб</translation>
    </message>
    <message>
        <source>Scan boxes for {pvz}</source>
        <comment>ship_scan_box</comment>
        <translation>Сканируйте короба для {pvz}</translation>
    </message>
    <message>
        <source>This route is closed: start a new one.</source>
        <comment>ship_route_closed</comment>
        <translation>Этот рейс закрыт: начните новый.</translation>
    </message>
    <message>
        <source>This is a return box: it does not go on a route.</source>
        <comment>ship_return_box</comment>
        <translation>Это возвратный короб: в рейс он не идёт.</translation>
    </message>
    <message>
        <source>This box is already on the route.</source>
        <comment>ship_already_on_route</comment>
        <translation>Этот короб уже в рейсе.</translation>
    </message>
    <message>
        <source>This box is already on another route.</source>
        <comment>ship_on_other_route</comment>
        <translation>Этот короб уже в другом рейсе.</translation>
    </message>
    <message>
        <source>This box is still open: close it at packing first.</source>
        <comment>ship_box_open</comment>
        <translation>Короб ещё открыт: сначала закройте его на упаковке.</translation>
    </message>
    <message>
        <source>STOP: this box goes to {box_pvz}, the route goes to {route_pvz}.</source>
        <comment>ship_wrong_pvz</comment>
        <translation>СТОП: короб едет в {box_pvz}, а рейс — в {route_pvz}.</translation>
    </message>
    <message>
        <source>On the route: {count} boxes.</source>
        <comment>ship_box_ok</comment>
        <translation>В рейсе коробов: {count}.</translation>
    </message>
    <message>
        <source>No boxes on the route yet.</source>
        <comment>ship_empty</comment>
        <translation>В рейсе ещё нет коробов.</translation>
    </message>
    <message>
        <source>{count} more boxes for {pvz} are waiting: {boxes}. Scan them, or press Close route again to leave them for a later route.</source>
        <comment>ship_left_behind</comment>
        <translation>Ещё коробов для {pvz} ждут рейса: {count} ({boxes}). Отсканируйте их или нажмите «Закрыть рейс» ещё раз, чтобы оставить их до следующего рейса.</translation>
    </message>
    <message>
        <source>Route closed: {boxes} boxes, {units} units shipped.</source>
        <comment>ship_close_ok</comment>
        <translation>Рейс закрыт: отгружено коробов {boxes}, товаров {units}.</translation>
    </message>
    <message>
        <source>Hand over: scan the courier&apos;s badge</source>
        <comment>ship_scan_badge</comment>
        <translation>Передача: отсканируйте бейдж курьера</translation>
    </message>
    <message>
        <source>Scan the seal on box {box} ({done} of {total})</source>
        <comment>ship_scan_seal</comment>
        <translation>Отсканируйте пломбу короба {box} ({done} из {total})</translation>
    </message>
    <message>
        <source>Courier {badge}. Seal box {box} and scan the seal.</source>
        <comment>ship_badge_ok</comment>
        <translation>Курьер {badge}. Опломбируйте короб {box} и отсканируйте пломбу.</translation>
    </message>
    <message>
        <source>Box {box}: seal {seal}. Next: box {next}.</source>
        <comment>ship_seal_ok</comment>
        <translation>Короб {box}: пломба {seal}. Дальше: короб {next}.</translation>
    </message>
    <message>
        <source>Seal {seal} is already on another box: use a new seal.</source>
        <comment>ship_seal_used</comment>
        <translation>Пломба {seal} уже на другом коробе: возьмите новую.</translation>
    </message>
    <message>
        <source>Scan a return box from a pickup point</source>
        <comment>ret_scan_box</comment>
        <translation>Отсканируйте возвратный короб из ПВЗ</translation>
    </message>
    <message>
        <source>Return box received: scan the next one</source>
        <comment>ret_closed</comment>
        <translation>Возвратный короб принят: сканируйте следующий</translation>
    </message>
    <message>
        <source>Scan the units: {left} left</source>
        <comment>ret_scan_unit</comment>
        <translation>Сканируйте товары: осталось {left}</translation>
    </message>
    <message>
        <source>Return box with {count} units: scan them.</source>
        <comment>ret_box_ok</comment>
        <translation>Возвратный короб, товаров в нём: {count}. Сканируйте их.</translation>
    </message>
    <message>
        <source>Scan the return box first.</source>
        <comment>ret_box_first</comment>
        <translation>Сначала отсканируйте возвратный короб.</translation>
    </message>
    <message>
        <source>Unit {label} was not sent in this box.</source>
        <comment>ret_not_in_box</comment>
        <translation>Товар {label} не отправляли в этом коробе.</translation>
    </message>
    <message>
        <source>This unit is already received.</source>
        <comment>ret_already</comment>
        <translation>Этот товар уже принят.</translation>
    </message>
    <message>
        <source>This unit cannot be received: it is {status}.</source>
        <comment>ret_not_receivable</comment>
        <translation>Этот товар нельзя принять: статус «{status}».</translation>
    </message>
    <message>
        <source>Received {done} of {total}.</source>
        <comment>ret_unit_ok</comment>
        <translation>Принято {done} из {total}.</translation>
    </message>
    <message>
        <source>Close this return box first.</source>
        <comment>ret_close_first</comment>
        <translation>Сначала закройте этот возвратный короб.</translation>
    </message>
    <message>
        <source>This is not a return box.</source>
        <comment>ret_not_return_box</comment>
        <translation>Это не возвратный короб.</translation>
    </message>
    <message>
        <source>No units are known for this box: sync and try again.</source>
        <comment>ret_box_empty</comment>
        <translation>По этому коробу нет товаров: синхронизируйте и повторите.</translation>
    </message>
    <message>
        <source>Closed: {received} received, {missing} missing.</source>
        <comment>ret_close_ok</comment>
        <translation>Закрыто: принято {received}, недостача {missing}.</translation>
    </message>
    <message>
        <source>Scan the seal on box {box} (F1: none, F4: broken)</source>
        <comment>ret_scan_seal</comment>
        <translation>Отсканируйте пломбу короба {box} (F1: нет, F4: нарушена)</translation>
    </message>
    <message>
        <source>Seal {seal} recorded: scan the units.</source>
        <comment>ret_seal_ok</comment>
        <translation>Пломба {seal} записана: сканируйте товары.</translation>
    </message>
    <message>
        <source>Scan the seal on the box first (F1 if it has none).</source>
        <comment>ret_seal_first</comment>
        <translation>Сначала отсканируйте пломбу короба (F1, если её нет).</translation>
    </message>
    <message>
        <source>Recorded: the box came without a seal.</source>
        <comment>ret_no_seal</comment>
        <translation>Записано: короб пришёл без пломбы.</translation>
    </message>
    <message>
        <source>Seal recorded as broken, photos of the box: {photos}.</source>
        <comment>ret_seal_broken</comment>
        <translation>Пломба записана как нарушенная, фото короба: {photos}.</translation>
    </message>
    <message>
        <source>Scan a location to count</source>
        <comment>count_scan_location</comment>
        <translation>Отсканируйте место для подсчёта</translation>
    </message>
    <message>
        <source>Scan everything on {location}</source>
        <comment>count_scan_items</comment>
        <translation>Сканируйте всё, что лежит в {location}</translation>
    </message>
    <message>
        <source>This unit is already counted.</source>
        <comment>count_unit_twice</comment>
        <translation>Этот товар уже посчитан.</translation>
    </message>
    <message>
        <source>Finish this count first.</source>
        <comment>count_finish_first</comment>
        <translation>Сначала завершите этот подсчёт.</translation>
    </message>
    <message>
        <source>Counting {location}.</source>
        <comment>count_location_ok</comment>
        <translation>Подсчёт места {location}.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <comment>count_item</comment>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Count saved: {differences} differences.</source>
        <comment>count_done</comment>
        <translation>Подсчёт сохранён, расхождений: {differences}.</translation>
    </message>
    <message>
        <source>Scan the box or unit label to print again</source>
        <comment>reprint_scan</comment>
        <translation>Отсканируйте этикетку коробки или товара для перепечатки</translation>
    </message>
    <message>
        <source>{code}: why print it again?</source>
        <comment>reprint_reason</comment>
        <translation>{code}: почему перепечатать?</translation>
    </message>
    <message>
        <source>{what}</source>
        <comment>reprint_found</comment>
        <translation>{what}</translation>
    </message>
    <message>
        <source>{code} is not known here.</source>
        <comment>reprint_unknown</comment>
        <translation>{code} здесь не известен.</translation>
    </message>
    <message>
        <source>Label {code} printed again.</source>
        <comment>reprint_done</comment>
        <translation>Этикетка {code} напечатана снова.</translation>
    </message>
    <message>
        <source>Scan the delivery document or box</source>
        <comment>put_scan_document</comment>
        <translation>Отсканируйте накладную или короб поставки</translation>
    </message>
    <message>
        <source>Scan the products</source>
        <comment>put_scan_product</comment>
        <translation>Сканируйте товары</translation>
    </message>
    <message>
        <source>Scan more products or the shelf location</source>
        <comment>put_scan_more_or_location</comment>
        <translation>Сканируйте товары или место на стеллаже</translation>
    </message>
    <message>
        <source>Put the scanned products away first.</source>
        <comment>put_finish_first</comment>
        <translation>Сначала разместите отсканированные товары.</translation>
    </message>
    <message>
        <source>Delivery {document}.</source>
        <comment>put_document_ok</comment>
        <translation>Поставка {document}.</translation>
    </message>
    <message>
        <source>Too many of one product.</source>
        <comment>put_too_many</comment>
        <translation>Слишком много одного товара.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <comment>put_product_ok</comment>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>The quantity must be 0 to {max}.</source>
        <comment>put_bad_quantity</comment>
        <translation>Количество — от 0 до {max}.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <comment>put_quantity_set</comment>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Scan the products before the location.</source>
        <comment>put_no_items</comment>
        <translation>Сначала товары, потом место.</translation>
    </message>
    <message>
        <source>Put away {count} on {location}.</source>
        <comment>put_done</comment>
        <translation>Размещено {count} шт. в {location}.</translation>
    </message>
    <message>
        <source>This user has not logged in on this terminal before: connect to log in online.</source>
        <comment>unknown_user</comment>
        <translation>Этот пользователь ещё не входил на этом терминале: нужен вход при наличии связи.</translation>
    </message>
    <message>
        <source>This account may not use the warehouse terminal.</source>
        <comment>forbidden_role</comment>
        <translation>Этой учётной записи нельзя работать на складском терминале.</translation>
    </message>
    <message>
        <source>This badge is not linked on this terminal: log in with your name and password once.</source>
        <comment>unknown_badge</comment>
        <translation>Бейдж не привязан к этому терминалу: один раз войдите по имени и паролю.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <comment>bad_pin</comment>
        <translation>Неверный ПИН-код.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: log in with your name and password to unlock the badge.</source>
        <comment>badge_locked</comment>
        <translation>Слишком много неверных ПИН-кодов: войдите по имени и паролю, чтобы разблокировать бейдж.</translation>
    </message>
</context>
<context>
    <name>VirtualScannerWindow</name>
    <message>
        <source>Virtual scanner</source>
        <translation>Виртуальный сканер</translation>
    </message>
    <message>
        <source>Type a code and press Enter to scan it</source>
        <translation>Введите код и нажмите Enter, чтобы «отсканировать» его</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Скан</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Серия</translation>
    </message>
    <message>
        <source>Bounce</source>
        <translation>Дребезг</translation>
    </message>
    <message>
        <source>Send garbage</source>
        <translation>Отправить мусор</translation>
    </message>
    <message>
        <source>Unplug</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <source>Port for the app:</source>
        <translation>Порт для приложения:</translation>
    </message>
    <message>
        <source>Plug in</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Связь есть: %1</translation>
    </message>
    <message>
        <source>Unplugged</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
</context>
</TS>
