<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BoxLabel</name>
    <message>
        <source>%1 pcs</source>
        <translation>%1 шт.</translation>
    </message>
</context>
<context>
    <name>ClusterScreen</name>
    <message>
        <source>Not found</source>
        <translation>Нет на месте</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задания</translation>
    </message>
    <message>
        <source>Next cart</source>
        <translation>Новая тележка</translation>
    </message>
    <message>
        <source>Start walk</source>
        <translation>Начать обход</translation>
    </message>
    <message>
        <source>Cart picking</source>
        <translation>Сборка тележкой</translation>
    </message>
    <message>
        <source>Scan at least one tote first.</source>
        <translation>Сначала отсканируйте хотя бы один ящик.</translation>
    </message>
    <message>
        <source>Cart: one tote per task</source>
        <translation>Тележка: по ящику на задание</translation>
    </message>
    <message>
        <source>%1 of %2 totes scanned</source>
        <translation>Отсканировано ящиков: %1 из %2</translation>
    </message>
    <message>
        <source>scan a tote</source>
        <translation>отсканируйте ящик</translation>
    </message>
    <message>
        <source>Every task of the cart is picked: take the totes to packing.</source>
        <translation>Все задания тележки собраны: везите ящики на упаковку.</translation>
    </message>
    <message>
        <source>Tote %1</source>
        <translation>Ящик %1</translation>
    </message>
    <message>
        <source>tote %1: %2</source>
        <translation>ящик %1: %2</translation>
    </message>
    <message>
        <source>Stop %1 of %2 · %3</source>
        <translation>Остановка %1 из %2 · %3</translation>
    </message>
    <message>
        <source>Not found: press again to record this product short for the cart.</source>
        <translation>Нет на месте: нажмите ещё раз, чтобы записать недостачу этого товара по тележке.</translation>
    </message>
</context>
<context>
    <name>ConflictScreen</name>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Снять</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Отклонено сервером: %1</translation>
    </message>
    <message>
        <source>Choose an operation: retry it or dismiss it</source>
        <translation>Выберите операцию: повторите или снимите её</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>Конфликтов нет</translation>
    </message>
    <message>
        <source>Checked on the terminal by %1</source>
        <translation>Проверено на терминале: %1</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Отправлено повторно</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Снято</translation>
    </message>
</context>
<context>
    <name>CountScreen</name>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Учёт</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Разн.</translation>
    </message>
    <message>
        <source>Finish count</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Differences: %1</source>
        <translation>Расхождений: %1</translation>
    </message>
    <message>
        <source>To count (short picks): %1</source>
        <translation>Пересчитать (недостачи): %1</translation>
    </message>
</context>
<context>
    <name>DeviceScreen</name>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>Этот терминал</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Устройство: %1</translation>
    </message>
    <message>
        <source>Warehouse: %1</source>
        <translation>Склад: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Scanner: %1</source>
        <translation>Сканер: %1</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>Ждут отправки: %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Папка данных: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Версия: %1</translation>
    </message>
    <message>
        <source>The configuration file has no problems.</source>
        <translation>В файле настроек ошибок нет.</translation>
    </message>
    <message>
        <source>keyboard only</source>
        <translation>только клавиатура</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>подключён</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>не подключён</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>WB Ops warehouse</source>
        <translation>WB Ops · склад</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>ПИН-код</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>ПИН-код ещё раз</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Link your badge to this terminal: scan it and choose a PIN of at least 4 digits. The PIN is stored only as a one-way hash.</source>
        <translation>Привяжите бейдж к этому терминалу: отсканируйте его и придумайте ПИН-код не короче 4 цифр. ПИН-код хранится только в виде необратимого хеша.</translation>
    </message>
    <message>
        <source>Without a connection, only workers who have logged in on this terminal before can log in.</source>
        <translation>Без связи войти могут только сотрудники, которые уже входили на этом терминале.</translation>
    </message>
    <message>
        <source>Hold the badge under the scanner, then type your PIN. First time on this terminal? Press F1 and log in with your name and password.</source>
        <translation>Поднесите бейдж к сканеру и введите ПИН-код. Впервые на этом терминале? Нажмите F1 и войдите по имени и паролю.</translation>
    </message>
    <message>
        <source>Link badge</source>
        <translation>Привязать бейдж</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Badge and PIN</source>
        <translation>Бейдж и ПИН</translation>
    </message>
    <message>
        <source>Password login</source>
        <translation>Имя и пароль</translation>
    </message>
    <message>
        <source>Type your user name and password</source>
        <translation>Введите имя пользователя и пароль</translation>
    </message>
    <message>
        <source>Choose a PIN for your badge</source>
        <translation>Придумайте ПИН-код для бейджа</translation>
    </message>
    <message>
        <source>Scan your badge to log in with it next time</source>
        <translation>Отсканируйте бейдж, чтобы входить по нему</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Введите ПИН-код</translation>
    </message>
    <message>
        <source>Scan your employee badge</source>
        <translation>Отсканируйте бейдж сотрудника</translation>
    </message>
    <message>
        <source>Scan your employee badge.</source>
        <translation>Отсканируйте бейдж сотрудника.</translation>
    </message>
    <message>
        <source>Badge %1</source>
        <translation>Бейдж %1</translation>
    </message>
    <message>
        <source>Badge read.</source>
        <translation>Бейдж считан.</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>Введите имя пользователя и пароль.</translation>
    </message>
    <message>
        <source>Scan your badge and type your PIN.</source>
        <translation>Отсканируйте бейдж и введите ПИН-код.</translation>
    </message>
    <message>
        <source>Welcome, %1.</source>
        <translation>Здравствуйте, %1.</translation>
    </message>
    <message>
        <source>The PIN is at least %1 digits.</source>
        <translation>ПИН-код — не меньше %1 цифр.</translation>
    </message>
    <message>
        <source>The two PINs differ: type it again.</source>
        <translation>ПИН-коды не совпадают: введите ещё раз.</translation>
    </message>
</context>
<context>
    <name>MenuScreen</name>
    <message>
        <source>Picking</source>
        <translation>Сборка</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Отгрузка</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Cycle count</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>Размещение</translation>
    </message>
    <message>
        <source>Reprint label</source>
        <translation>Перепечатка</translation>
    </message>
    <message>
        <source>This terminal</source>
        <translation>Этот терминал</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Обмен</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Open pick tasks: %1</source>
        <translation>Открытых заданий на сборку: %1</translation>
    </message>
    <message>
        <source>Offline login: work is saved on this terminal and synced later.</source>
        <translation>Вход без связи: работа сохраняется на терминале и отправится позже.</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Конфликты: %1</translation>
    </message>
    <message>
        <source>This shift: nothing picked yet</source>
        <translation>За смену: ещё ничего не собрано</translation>
    </message>
    <message>
        <source>This shift: %1 lines, %2 items, %3 short</source>
        <translation>За смену: строк %1, товаров %2, недостача %3</translation>
    </message>
    <message>
        <source>%1 lines/h · %2 items/h</source>
        <translation>%1 строк/ч · %2 товаров/ч</translation>
    </message>
</context>
<context>
    <name>PackScreen</name>
    <message>
        <source>New box</source>
        <translation>Новый короб</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Закрыть короб</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Печать этикетки</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Упаковка</translation>
    </message>
    <message>
        <source>Destination: by the first unit</source>
        <translation>Назначение: по первому товару</translation>
    </message>
    <message>
        <source>Units in the box: %1</source>
        <translation>Товаров в коробе: %1</translation>
    </message>
    <message>
        <source>Picked, waiting to be packed: %1</source>
        <translation>Собрано и ждёт упаковки: %1</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>Рейс %1</translation>
    </message>
    <message>
        <source>Route %1, leaves %2</source>
        <translation>Рейс %1, отправка в %2</translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation>Этикетка не напечаталась: %1</translation>
    </message>
    <message>
        <source>Label printed: %1</source>
        <translation>Этикетка напечатана: %1</translation>
    </message>
</context>
<context>
    <name>PickScreen</name>
    <message>
        <source>Not found</source>
        <translation>Не найден</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Повреждён</translation>
    </message>
    <message>
        <source>Photo (%1)</source>
        <translation>Фото (%1)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задания</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Следующее</translation>
    </message>
    <message>
        <source>Picking</source>
        <translation>Сборка</translation>
    </message>
    <message>
        <source>%v / %m picked · %1 short</source>
        <translation>собрано %v из %m · не хватает %1</translation>
    </message>
    <message>
        <source>Every line is done: %1 units short, recorded for the office.</source>
        <translation>Задание пройдено: не хватает товаров: %1, недостача записана.</translation>
    </message>
    <message>
        <source>Every line of this task is done.</source>
        <translation>Все позиции задания собраны.</translation>
    </message>
    <message>
        <source>Line %1 of %2 · picked %3 of %4</source>
        <translation>Позиция %1 из %2 · собрано %3 из %4</translation>
    </message>
    <message>
        <source>Not found: %1 left on this line. Press again to record the shortage.</source>
        <translation>Не найден: по этой позиции осталось %1. Нажмите ещё раз, чтобы записать недостачу.</translation>
    </message>
    <message>
        <source>Damaged: %1 left on this line. Press again to record them.</source>
        <translation>Повреждён: по этой позиции осталось %1. Нажмите ещё раз, чтобы записать.</translation>
    </message>
    <message>
        <source>%1 photo(s) kept. Press Damaged twice to record the damage with them.</source>
        <translation>Фото сохранено: %1. Нажмите «Повреждён» дважды, чтобы записать повреждение с ними.</translation>
    </message>
</context>
<context>
    <name>PutawayScreen</name>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Put-away</source>
        <translation>Размещение</translation>
    </message>
</context>
<context>
    <name>ReprintScreen</name>
    <message>
        <source>Does not scan</source>
        <translation>Не сканируется</translation>
    </message>
    <message>
        <source>Label is damaged</source>
        <translation>Этикетка повреждена</translation>
    </message>
    <message>
        <source>Label is lost</source>
        <translation>Этикетка потеряна</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Reprint a label</source>
        <translation>Перепечатка этикетки</translation>
    </message>
    <message>
        <source>The label did not print: %1</source>
        <translation>Этикетка не напечаталась: %1</translation>
    </message>
    <message>
        <source>Label printed: %1</source>
        <translation>Этикетка напечатана: %1</translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Close box</source>
        <translation>Закрыть короб</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>Нет пломбы</translation>
    </message>
    <message>
        <source>Seal broken (%1)</source>
        <translation>Нарушена (%1)</translation>
    </message>
    <message>
        <source>Seal broken</source>
        <translation>Нарушена</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Received %1 of %2 · missing %3</source>
        <translation>Принято %1 из %2 · недостача %3</translation>
    </message>
    <message>
        <source>Close (%1 missing)</source>
        <translation>Закрыть: нет %1</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Type a code if the label does not scan</source>
        <translation>Введите код, если этикетка не читается</translation>
    </message>
    <message>
        <source>«%1» is not available now.</source>
        <translation>«%1» сейчас недоступно.</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Nothing to scan here: choose a job first.</source>
        <translation>Здесь сканировать нечего: сначала выберите работу.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Сначала войдите.</translation>
    </message>
</context>
<context>
    <name>ShipScreen</name>
    <message>
        <source>Close route</source>
        <translation>Закрыть рейс</translation>
    </message>
    <message>
        <source>New route</source>
        <translation>Новый рейс</translation>
    </message>
    <message>
        <source>Back to boxes</source>
        <translation>К коробам</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Отгрузка</translation>
    </message>
    <message>
        <source>Destination: by the first box</source>
        <translation>Назначение: по первому коробу</translation>
    </message>
    <message>
        <source>Boxes: %1 · units: %2</source>
        <translation>Коробов: %1 · товаров: %2</translation>
    </message>
    <message>
        <source>scan the badge</source>
        <translation>отсканируйте бейдж</translation>
    </message>
    <message>
        <source>Courier: %1</source>
        <translation>Курьер: %1</translation>
    </message>
    <message>
        <source>Also waiting for %1:</source>
        <translation>Ещё ждут рейса в %1:</translation>
    </message>
    <message>
        <source>Boxes waiting for a route: %1</source>
        <translation>Коробов ждут рейса: %1</translation>
    </message>
</context>
<context>
    <name>TaskListScreen</name>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Cart of %1</source>
        <translation>Тележка на %1</translation>
    </message>
    <message>
        <source>Release to refresh</source>
        <translation>Отпустите, чтобы обновить</translation>
    </message>
    <message>
        <source>Pick tasks</source>
        <translation>Задания на сборку</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>paid %1 min ago</source>
        <translation>оплачен %1 мин назад</translation>
    </message>
    <message>
        <source>paid %1 h ago</source>
        <translation>оплачен %1 ч назад</translation>
    </message>
    <message>
        <source>paid %1 d ago</source>
        <translation>оплачен %1 дн назад</translation>
    </message>
    <message>
        <source>Route left at %1: %2</source>
        <translation>Рейс ушёл в %1: %2</translation>
    </message>
    <message>
        <source>Will miss %1: %2</source>
        <translation>Не успеет к %1: %2</translation>
    </message>
    <message>
        <source>Leaves %1: %2</source>
        <translation>Отправка в %1: %2</translation>
    </message>
    <message>
        <source>Open tasks: %1 · by route departure</source>
        <translation>Открытых заданий: %1 · по времени отправки</translation>
    </message>
    <message>
        <source>%1 will miss their route: pick them first</source>
        <translation>Не успевают к рейсу: %1, соберите их первыми</translation>
    </message>
    <message>
        <source>Choose a task</source>
        <translation>Выберите задание</translation>
    </message>
    <message>
        <source>No open tasks</source>
        <translation>Открытых заданий нет</translation>
    </message>
    <message>
        <source>This unit is in no open task.</source>
        <translation>Этого товара нет в открытых заданиях.</translation>
    </message>
</context>
<context>
    <name>TerminalStatusStrip</name>
    <message>
        <source>● Syncing</source>
        <translation>● Синхронизация</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● На связи</translation>
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
        <source>● Log in</source>
        <translation>● Войдите</translation>
    </message>
    <message>
        <source>Pending %1 (%2)</source>
        <translation>Очередь %1 (%2)</translation>
    </message>
    <message>
        <source>Pending 0</source>
        <translation>Очередь пуста</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Синхр. %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Синхр. не было</translation>
    </message>
    <message>
        <source>Conflicts %1</source>
        <translation>Конфликтов %1</translation>
    </message>
    <message>
        <source>Scanner ✓</source>
        <translation>Сканер ✓</translation>
    </message>
    <message>
        <source>Scanner ✗</source>
        <translation>Сканер ✗</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Клавиатура</translation>
    </message>
</context>
<context>
    <name>TerminalWindow</name>
    <message>
        <source>WB Ops warehouse terminal</source>
        <translation>WB Ops · складской терминал</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Locked after a pause: log in again to continue.</source>
        <translation>Терминал заблокирован после паузы: войдите снова, чтобы продолжить.</translation>
    </message>
    <message>
        <source>%1 operations have not reached the server yet. They stay on this terminal and are sent after the next login. F10 again logs out.</source>
        <translation>Операций ещё не отправлено на сервер: %1. Они останутся на терминале и уйдут после следующего входа. Ещё раз F10 — выход.</translation>
    </message>
    <message>
        <source>Logged in again: sync resumes.</source>
        <translation>Вход выполнен: синхронизация продолжается.</translation>
    </message>
</context>
</TS>
