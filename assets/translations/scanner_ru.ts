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
    <name>Terminal</name>
    <message>
        <source>Unknown unit label {label}: sync and try again.</source>
        <translation>Неизвестная этикетка товара {label}: синхронизируйте и повторите.</translation>
    </message>
    <message>
        <source>Unknown box {box}: sync and try again.</source>
        <translation>Неизвестный короб {box}: синхронизируйте и повторите.</translation>
    </message>
    <message>
        <source>Unknown product barcode {gtin}.</source>
        <translation>Неизвестный штрихкод товара {gtin}.</translation>
    </message>
    <message>
        <source>Unknown location {location}.</source>
        <translation>Неизвестное место хранения {location}.</translation>
    </message>
    <message>
        <source>Task done: every line is picked</source>
        <translation>Задание собрано полностью</translation>
    </message>
    <message>
        <source>Task done with a shortage: picked {picked} of {total}, {short} short</source>
        <translation>Задание завершено с недостачей: собрано {picked} из {total}, не хватает {short}</translation>
    </message>
    <message>
        <source>Go to {location} and scan the location</source>
        <translation>Идите к {location} и отсканируйте место</translation>
    </message>
    <message>
        <source>Scan the item: {product}</source>
        <translation>Отсканируйте товар: {product}</translation>
    </message>
    <message>
        <source>Scan the location {location} first.</source>
        <translation>Сначала отсканируйте место {location}.</translation>
    </message>
    <message>
        <source>Wrong location {scanned}: this line is at {location}.</source>
        <translation>Не то место {scanned}: этот товар лежит в {location}.</translation>
    </message>
    <message>
        <source>Location {location} confirmed.</source>
        <translation>Место {location} подтверждено.</translation>
    </message>
    <message>
        <source>Wrong product: this line is {product}.</source>
        <translation>Не тот товар: нужен {product}.</translation>
    </message>
    <message>
        <source>Enough: the line needs {demand} and all are picked.</source>
        <translation>Хватит: по этой позиции нужно {demand}, всё собрано.</translation>
    </message>
    <message>
        <source>Not at this stop: this item is picked at {location} (stop {stop}). You are at {here}.</source>
        <translation>Не с этого места: этот товар берётся на {location} (остановка {stop}). Вы на {here}.</translation>
    </message>
    <message>
        <source>Unit {label} is not in this task.</source>
        <translation>Товара {label} нет в этом задании.</translation>
    </message>
    <message>
        <source>Already picked: never more than the demand ({demand}).</source>
        <translation>Уже собран: больше потребности ({demand}) нельзя.</translation>
    </message>
    <message>
        <source>This unit cannot be picked: it is {status}.</source>
        <translation>Этот товар нельзя собрать: статус «{status}».</translation>
    </message>
    <message>
        <source>Picked {picked} of {demand}.</source>
        <translation>Собрано {picked} из {demand}.</translation>
    </message>
    <message>
        <source>Skipped {count}: recorded as a shortage.</source>
        <translation>Пропущено {count}: записано как недостача.</translation>
    </message>
    <message>
        <source>Short {count}: another one is at {location}, pick it there.</source>
        <translation>Недостача {count}: такой же товар есть на {location}, возьмите его там.</translation>
    </message>
    <message>
        <source>Short {count}: none left in the warehouse, the customer is told.</source>
        <translation>Недостача {count}: на складе больше нет, покупателю сообщим.</translation>
    </message>
    <message>
        <source>Scan the tote for cart place {position}</source>
        <translation>Отсканируйте ящик для места {position} на тележке</translation>
    </message>
    <message>
        <source>{tasks} totes on the cart: start the walk</source>
        <translation>Ящиков на тележке: {tasks}. Начните обход</translation>
    </message>
    <message>
        <source>Tote {tote} is place {position}.</source>
        <translation>Ящик {tote} на месте {position}.</translation>
    </message>
    <message>
        <source>This tote is already place {position}.</source>
        <translation>Этот ящик уже на месте {position}.</translation>
    </message>
    <message>
        <source>Every task of the cart has its tote ({tasks}).</source>
        <translation>У всех заданий тележки уже есть ящик ({tasks}).</translation>
    </message>
    <message>
        <source>Scan at least one tote first.</source>
        <translation>Сначала отсканируйте хотя бы один ящик.</translation>
    </message>
    <message>
        <source>Walk with {tasks} totes: go to the first location.</source>
        <translation>Обход с ящиками: {tasks}. Идите к первому месту.</translation>
    </message>
    <message>
        <source>Cart done: every item is in its tote</source>
        <translation>Тележка собрана: все товары в своих ящиках</translation>
    </message>
    <message>
        <source>Put it into tote {position} and scan the tote</source>
        <translation>Положите в ящик {position} и отсканируйте ящик</translation>
    </message>
    <message>
        <source>In tote {position}.</source>
        <translation>В ящике {position}.</translation>
    </message>
    <message>
        <source>Wrong tote {scanned}: this item goes into tote {position}.</source>
        <translation>Не тот ящик ({scanned}): этот товар — в ящик {position}.</translation>
    </message>
    <message>
        <source>Put the item into tote {position} first.</source>
        <translation>Сначала положите товар в ящик {position}.</translation>
    </message>
    <message>
        <source>Scan an item first, then its tote.</source>
        <translation>Сначала отсканируйте товар, потом его ящик.</translation>
    </message>
    <message>
        <source>No item of this product is wanted at {location}.</source>
        <translation>Этот товар на {location} не нужен.</translation>
    </message>
    <message>
        <source>Item {label} is in no task of this cart.</source>
        <translation>Товара {label} нет в заданиях этой тележки.</translation>
    </message>
    <message>
        <source>Scan a box label or make a new one</source>
        <translation>Отсканируйте этикетку короба или создайте новую</translation>
    </message>
    <message>
        <source>Box closed: print its label, then take the next box</source>
        <translation>Короб закрыт: наклейте этикетку и берите следующий</translation>
    </message>
    <message>
        <source>Scan the first picked unit</source>
        <translation>Отсканируйте первый собранный товар</translation>
    </message>
    <message>
        <source>Scan units for {pvz}</source>
        <translation>Сканируйте товары для {pvz}</translation>
    </message>
    <message>
        <source>This is a return box label: use a forward box.</source>
        <translation>Это этикетка возвратного короба: нужен короб для отправки.</translation>
    </message>
    <message>
        <source>This box is already open.</source>
        <translation>Этот короб уже открыт.</translation>
    </message>
    <message>
        <source>Box {box} is already closed.</source>
        <translation>Короб {box} уже закрыт.</translation>
    </message>
    <message>
        <source>Box reopened: {count} units in it.</source>
        <translation>Короб открыт снова: в нём {count} шт.</translation>
    </message>
    <message>
        <source>New box: scan the first unit.</source>
        <translation>Новый короб: отсканируйте первый товар.</translation>
    </message>
    <message>
        <source>Close this box before starting another one.</source>
        <translation>Закройте этот короб, прежде чем начинать другой.</translation>
    </message>
    <message>
        <source>Scan a box label first.</source>
        <translation>Сначала отсканируйте этикетку короба.</translation>
    </message>
    <message>
        <source>This unit is already in this box.</source>
        <translation>Этот товар уже в коробе.</translation>
    </message>
    <message>
        <source>This unit is already packed in box {box}.</source>
        <translation>Этот товар уже упакован в короб {box}.</translation>
    </message>
    <message>
        <source>Only picked units can be packed: this one is {status}.</source>
        <translation>Упаковать можно только собранный товар, а у этого статус «{status}».</translation>
    </message>
    <message>
        <source>STOP: this unit goes to {unit_pvz}, the box goes to {box_pvz}. Put it aside.</source>
        <translation>СТОП: товар едет в {unit_pvz}, а короб — в {box_pvz}. Отложите его.</translation>
    </message>
    <message>
        <source>In the box: {count} for {pvz}.</source>
        <translation>В коробе: {count} для {pvz}.</translation>
    </message>
    <message>
        <source>The box is empty.</source>
        <translation>Короб пуст.</translation>
    </message>
    <message>
        <source>Box closed with {count} units.</source>
        <translation>Короб закрыт, в нём {count} шт.</translation>
    </message>
    <message>
        <source>Route closed: the boxes are on their way</source>
        <translation>Рейс закрыт: короба отправлены</translation>
    </message>
    <message>
        <source>Scan the first closed box</source>
        <translation>Отсканируйте первый закрытый короб</translation>
    </message>
    <message>
        <source>Scan boxes for {pvz}</source>
        <translation>Сканируйте короба для {pvz}</translation>
    </message>
    <message>
        <source>This route is closed: start a new one.</source>
        <translation>Этот рейс закрыт: начните новый.</translation>
    </message>
    <message>
        <source>This is a return box: it does not go on a route.</source>
        <translation>Это возвратный короб: в рейс он не идёт.</translation>
    </message>
    <message>
        <source>This box is already on the route.</source>
        <translation>Этот короб уже в рейсе.</translation>
    </message>
    <message>
        <source>This box is already on another route.</source>
        <translation>Этот короб уже в другом рейсе.</translation>
    </message>
    <message>
        <source>This box is still open: close it at packing first.</source>
        <translation>Короб ещё открыт: сначала закройте его на упаковке.</translation>
    </message>
    <message>
        <source>STOP: this box goes to {box_pvz}, the route goes to {route_pvz}.</source>
        <translation>СТОП: короб едет в {box_pvz}, а рейс — в {route_pvz}.</translation>
    </message>
    <message>
        <source>On the route: {count} boxes.</source>
        <translation>В рейсе коробов: {count}.</translation>
    </message>
    <message>
        <source>No boxes on the route yet.</source>
        <translation>В рейсе ещё нет коробов.</translation>
    </message>
    <message>
        <source>{count} more boxes for {pvz} are waiting: {boxes}. Scan them, or press Close route again to leave them for a later route.</source>
        <translation>Ещё коробов для {pvz} ждут рейса: {count} ({boxes}). Отсканируйте их или нажмите «Закрыть рейс» ещё раз, чтобы оставить их до следующего рейса.</translation>
    </message>
    <message>
        <source>Route closed: {boxes} boxes, {units} units shipped.</source>
        <translation>Рейс закрыт: отгружено коробов {boxes}, товаров {units}.</translation>
    </message>
    <message>
        <source>Scan a return box from a pickup point</source>
        <translation>Отсканируйте возвратный короб из ПВЗ</translation>
    </message>
    <message>
        <source>Return box received: scan the next one</source>
        <translation>Возвратный короб принят: сканируйте следующий</translation>
    </message>
    <message>
        <source>Scan the units: {left} left</source>
        <translation>Сканируйте товары: осталось {left}</translation>
    </message>
    <message>
        <source>Scan the return box first.</source>
        <translation>Сначала отсканируйте возвратный короб.</translation>
    </message>
    <message>
        <source>Unit {label} was not sent in this box.</source>
        <translation>Товар {label} не отправляли в этом коробе.</translation>
    </message>
    <message>
        <source>This unit is already received.</source>
        <translation>Этот товар уже принят.</translation>
    </message>
    <message>
        <source>This unit cannot be received: it is {status}.</source>
        <translation>Этот товар нельзя принять: статус «{status}».</translation>
    </message>
    <message>
        <source>Received {done} of {total}.</source>
        <translation>Принято {done} из {total}.</translation>
    </message>
    <message>
        <source>Close this return box first.</source>
        <translation>Сначала закройте этот возвратный короб.</translation>
    </message>
    <message>
        <source>This is not a return box.</source>
        <translation>Это не возвратный короб.</translation>
    </message>
    <message>
        <source>No units are known for this box: sync and try again.</source>
        <translation>По этому коробу нет товаров: синхронизируйте и повторите.</translation>
    </message>
    <message>
        <source>Closed: {received} received, {missing} missing.</source>
        <translation>Закрыто: принято {received}, недостача {missing}.</translation>
    </message>
    <message>
        <source>Scan a location to count</source>
        <translation>Отсканируйте место для подсчёта</translation>
    </message>
    <message>
        <source>Scan everything on {location}</source>
        <translation>Сканируйте всё, что лежит в {location}</translation>
    </message>
    <message>
        <source>This unit is already counted.</source>
        <translation>Этот товар уже посчитан.</translation>
    </message>
    <message>
        <source>Finish this count first.</source>
        <translation>Сначала завершите этот подсчёт.</translation>
    </message>
    <message>
        <source>Counting {location}.</source>
        <translation>Подсчёт места {location}.</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation>{name}: {count}</translation>
    </message>
    <message>
        <source>Count saved: {differences} differences.</source>
        <translation>Подсчёт сохранён, расхождений: {differences}.</translation>
    </message>
    <message>
        <source>Scan the box or unit label to print again</source>
        <translation>Отсканируйте этикетку коробки или товара для перепечатки</translation>
    </message>
    <message>
        <source>{code}: why print it again?</source>
        <translation>{code}: почему перепечатать?</translation>
    </message>
    <message>
        <source>{what}</source>
        <translation>{what}</translation>
    </message>
    <message>
        <source>{code} is not known here.</source>
        <translation>{code} здесь не известен.</translation>
    </message>
    <message>
        <source>Label {code} printed again.</source>
        <translation>Этикетка {code} напечатана снова.</translation>
    </message>
    <message>
        <source>Scan the delivery document or box</source>
        <translation>Отсканируйте накладную или короб поставки</translation>
    </message>
    <message>
        <source>Scan the products</source>
        <translation>Сканируйте товары</translation>
    </message>
    <message>
        <source>Scan more products or the shelf location</source>
        <translation>Сканируйте товары или место на стеллаже</translation>
    </message>
    <message>
        <source>Put the scanned products away first.</source>
        <translation>Сначала разместите отсканированные товары.</translation>
    </message>
    <message>
        <source>Delivery {document}.</source>
        <translation>Поставка {document}.</translation>
    </message>
    <message>
        <source>Too many of one product.</source>
        <translation>Слишком много одного товара.</translation>
    </message>
    <message>
        <source>The quantity must be 0 to {max}.</source>
        <translation>Количество — от 0 до {max}.</translation>
    </message>
    <message>
        <source>Scan the products before the location.</source>
        <translation>Сначала товары, потом место.</translation>
    </message>
    <message>
        <source>Put away {count} on {location}.</source>
        <translation>Размещено {count} шт. в {location}.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>This user has not logged in on this terminal before: connect to log in online.</source>
        <translation>Этот пользователь ещё не входил на этом терминале: нужен вход при наличии связи.</translation>
    </message>
    <message>
        <source>This badge is not linked on this terminal: log in with your name and password once.</source>
        <translation>Бейдж не привязан к этому терминалу: один раз войдите по имени и паролю.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный ПИН-код.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: log in with your name and password to unlock the badge.</source>
        <translation>Слишком много неверных ПИН-кодов: войдите по имени и паролю, чтобы разблокировать бейдж.</translation>
    </message>
    <message>
        <source>This account may not use the warehouse terminal.</source>
        <translation>Этой учётной записи нельзя работать на складском терминале.</translation>
    </message>
    <message>
        <source>No connection to the server.</source>
        <translation>Нет связи с сервером.</translation>
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
