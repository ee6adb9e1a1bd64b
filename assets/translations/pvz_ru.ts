<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AcceptanceScreen</name>
    <message>
        <source>Acceptance</source>
        <translation>Приёмка</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ячейка</translation>
    </message>
    <message>
        <source>Other cell</source>
        <translation>Другая ячейка</translation>
    </message>
    <message>
        <source>Shortage</source>
        <translation>Недостача</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Излишек</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Повреждение</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Закрыть короб</translation>
    </message>
    <message>
        <source>Box %1: expected %2, accepted %3, waiting %4, shortage %5, damaged %6, surplus %7</source>
        <translation>Короб %1: ожидается %2, принято %3, осталось %4, недостача %5, повреждено %6, излишки %7</translation>
    </message>
    <message>
        <source>Scan a box label</source>
        <translation>Отсканируйте этикетку короба</translation>
    </message>
    <message>
        <source>The units shipped in the box will appear.</source>
        <translation>Появятся товары, отгруженные в этом коробе.</translation>
    </message>
    <message>
        <source>All units scanned: close the box (Ctrl+E)</source>
        <translation>Все товары отсканированы: закройте короб (Ctrl+E)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>No seal</source>
        <translation>Нет пломбы</translation>
    </message>
    <message>
        <source>Seal broken</source>
        <translation>Пломба нарушена</translation>
    </message>
    <message>
        <source>Scan or type the seal number on box %1</source>
        <translation>Отсканируйте или введите номер пломбы короба %1</translation>
    </message>
    <message>
        <source>Ctrl+J: the box came without a seal. Ctrl+K: the seal is broken (photos).</source>
        <translation>Ctrl+J: короб пришёл без пломбы. Ctrl+K: пломба нарушена (фото).</translation>
    </message>
    <message>
        <source>Ctrl+P shows the acceptance report before it prints.</source>
        <translation>Ctrl+P покажет акт приёмки перед печатью.</translation>
    </message>
    <message>
        <source>Scan the next unit from the box</source>
        <translation>Отсканируйте следующий товар из короба</translation>
    </message>
    <message>
        <source>%1 units still to scan</source>
        <translation>Осталось отсканировать: %1</translation>
    </message>
    <message>
        <source>Scan the label of any cell with room</source>
        <translation>Отсканируйте этикетку любой свободной ячейки</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Товар %1</translation>
    </message>
    <message>
        <source>Put it in cell %1 and scan the cell label</source>
        <translation>Положите в ячейку %1 и отсканируйте её этикетку</translation>
    </message>
    <message>
        <source>Unit %1 was recorded short: the cell scan records it as found</source>
        <translation>Товар %1 был записан в недостачу: скан ячейки отметит его найденным</translation>
    </message>
    <message>
        <source>Unit %1 · %2</source>
        <translation>Товар %1 · %2</translation>
    </message>
    <message>
        <source>First put unit %1 in its cell and scan the cell label.</source>
        <translation>Сначала положите товар %1 в ячейку и отсканируйте её этикетку.</translation>
    </message>
    <message>
        <source>Close box %1 first (Ctrl+E).</source>
        <translation>Сначала закройте короб %1 (Ctrl+E).</translation>
    </message>
    <message>
        <source>Box %1: %2 units expected</source>
        <translation>Короб %1: ожидается товаров: %2</translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation>Ячейка %1</translation>
    </message>
    <message>
        <source>Not in this box: record it as surplus (Ctrl+I)</source>
        <translation>Этого товара нет в коробе: оформите излишек (Ctrl+I)</translation>
    </message>
    <message>
        <source>This unit is not in the box. Ctrl+I records it as surplus.</source>
        <translation>Этого товара нет в коробе. Ctrl+I — оформить излишек.</translation>
    </message>
    <message>
        <source>Unit %1 is in cell %2</source>
        <translation>Товар %1 в ячейке %2</translation>
    </message>
    <message>
        <source>Found: unit %1 is in cell %2</source>
        <translation>Найден: товар %1 лежит в ячейке %2</translation>
    </message>
    <message>
        <source>Expected cell %1, or Ctrl+G for another cell</source>
        <translation>Нужна ячейка %1 или Ctrl+G — другая ячейка</translation>
    </message>
    <message>
        <source>Select a unit that was not scanned (arrows), then Ctrl+D.</source>
        <translation>Выберите неотсканированный товар (стрелками) и нажмите Ctrl+D.</translation>
    </message>
    <message>
        <source>Shortage recorded: %1</source>
        <translation>Недостача оформлена: %1</translation>
    </message>
    <message>
        <source>Scan or select the damaged unit, then Ctrl+B.</source>
        <translation>Отсканируйте или выберите повреждённый товар и нажмите Ctrl+B.</translation>
    </message>
    <message>
        <source>Damage recorded: %1</source>
        <translation>Повреждение оформлено: %1</translation>
    </message>
    <message>
        <source>Surplus recorded: %1</source>
        <translation>Излишек оформлен: %1</translation>
    </message>
    <message>
        <source>Scan the seal on box %1 first, or Ctrl+J if it came without one.</source>
        <translation>Сначала отсканируйте пломбу короба %1 или нажмите Ctrl+J, если её нет.</translation>
    </message>
    <message>
        <source>Close the box</source>
        <translation>Закрыть короб</translation>
    </message>
    <message>
        <source>%1 units were not scanned and will be recorded as a shortage. Close the box?</source>
        <translation>Не отсканировано товаров: %1, они будут оформлены как недостача. Закрыть короб?</translation>
    </message>
    <message>
        <source>Seal %1 recorded for box %2</source>
        <translation>Пломба %1 записана для короба %2</translation>
    </message>
    <message>
        <source>Box %1 came without a seal: recorded</source>
        <translation>Короб %1 пришёл без пломбы: записано</translation>
    </message>
    <message>
        <source>Seal of box %1 recorded as broken, photos: %2</source>
        <translation>Пломба короба %1 записана как нарушенная, фото: %2</translation>
    </message>
    <message>
        <source>Box closed: accepted %1, shortage %2</source>
        <translation>Короб закрыт: принято %1, недостача %2</translation>
    </message>
    <message>
        <source>Nothing printed yet: close a box first.</source>
        <translation>Ещё ничего не печаталось: сначала закройте короб.</translation>
    </message>
</context>
<context>
    <name>CellsScreen</name>
    <message>
        <source>Cells</source>
        <translation>Ячейки</translation>
    </message>
    <message>
        <source>unit label, order, last 4+ phone digits or cell number</source>
        <translation>этикетка товара, заказ, последние 4+ цифры телефона или номер ячейки</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ячейка</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Move unit</source>
        <translation>Переместить</translation>
    </message>
    <message>
        <source>Cancel move</source>
        <translation>Отменить перемещение</translation>
    </message>
    <message>
        <source>Scan a cell or a unit, or search (Ctrl+F)</source>
        <translation>Отсканируйте ячейку или товар или найдите (Ctrl+F)</translation>
    </message>
    <message>
        <source>To move a unit: Ctrl+M, scan the unit, then the new cell.</source>
        <translation>Перемещение: Ctrl+M, товар, затем новая ячейка.</translation>
    </message>
    <message>
        <source>Scan the new cell for %1</source>
        <translation>Отсканируйте новую ячейку для %1</translation>
    </message>
    <message>
        <source>Now in cell %1</source>
        <translation>Сейчас в ячейке %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>Найдено: %1</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>Scan the unit to move</source>
        <translation>Отсканируйте товар для перемещения</translation>
    </message>
    <message>
        <source>This unit is not in a cell here.</source>
        <translation>Этот товар не лежит в ячейке этого пункта.</translation>
    </message>
    <message>
        <source>Unit %1</source>
        <translation>Товар %1</translation>
    </message>
    <message>
        <source>Unit %1 moved to cell %2</source>
        <translation>Товар %1 перемещён в ячейку %2</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Можно</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Acknowledge and discard</source>
        <translation>Принять и отменить</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>try again</source>
        <translation>повторить</translation>
    </message>
    <message>
        <source>discard</source>
        <translation>отменить</translation>
    </message>
    <message>
        <source>Resolve what the server rejected</source>
        <translation>Разберите операции, отклонённые сервером</translation>
    </message>
    <message>
        <source>Select a row; Ctrl+R tries again where allowed, Ctrl+D discards with a reason.</source>
        <translation>Выберите строку: Ctrl+R — повторить (где можно), Ctrl+D — отменить с причиной.</translation>
    </message>
    <message>
        <source>Open conflicts: %1</source>
        <translation>Открытых конфликтов: %1</translation>
    </message>
    <message>
        <source>This operation cannot succeed again: discard it (Ctrl+D).</source>
        <translation>Эта операция не пройдёт и при повторе: отмените её (Ctrl+D).</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Отправлено повторно</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отмена операции</translation>
    </message>
    <message>
        <source>Why is this operation discarded?</source>
        <translation>Почему операция отменяется?</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>Операция отменена</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
</context>
<context>
    <name>DisputeScreen</name>
    <message>
        <source>Disputes</source>
        <translation>Споры</translation>
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
        <source>unit label, order id or box SSCC</source>
        <translation>этикетка товара, номер заказа или SSCC коробки</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Take a photo</source>
        <translation>Сфотографировать</translation>
    </message>
    <message>
        <source>Save dispute pack</source>
        <translation>Сохранить пакет для спора</translation>
    </message>
    <message>
        <source>Scan a unit or a box, or type a code</source>
        <translation>Отсканируйте товар или коробку или введите код</translation>
    </message>
    <message>
        <source>The pack proves who did what, when, where, with photos.</source>
        <translation>Пакет доказывает, кто, что, когда и где сделал, с фото.</translation>
    </message>
    <message>
        <source>Save the dispute pack (Ctrl+S) or add a photo (Ctrl+P)</source>
        <translation>Сохраните пакет для спора (Ctrl+S) или добавьте фото (Ctrl+P)</translation>
    </message>
    <message>
        <source>Send the saved ZIP file with your objection to the penalty.</source>
        <translation>Отправьте сохранённый ZIP-файл вместе с возражением на штраф.</translation>
    </message>
    <message>
        <source>Type or scan a code first.</source>
        <translation>Сначала введите или отсканируйте код.</translation>
    </message>
    <message>
        <source>Nothing with this code on this device.</source>
        <translation>На этом устройстве нет ничего с таким кодом.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) kept; they go to the server with the next sync.</source>
        <translation>
            <numerusform>%n фото сохранено; оно уйдёт на сервер при следующей синхронизации.</numerusform>
            <numerusform>%n фото сохранено; они уйдут на сервер при следующей синхронизации.</numerusform>
            <numerusform>%n фото сохранено; они уйдут на сервер при следующей синхронизации.</numerusform>
        </translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-файлы (*.zip)</translation>
    </message>
    <message>
        <source>The pack was not saved: %1</source>
        <translation>Пакет не сохранён: %1</translation>
    </message>
    <message>
        <source>Dispute pack saved: %1</source>
        <translation>Пакет для спора сохранён: %1</translation>
    </message>
</context>
<context>
    <name>FittingScreen</name>
    <message>
        <source>Fitting rooms</source>
        <translation>Примерочные</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Кабина</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <source>Customer is back</source>
        <translation>Покупатель вернулся</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>time is up (%1)</source>
        <translation>время вышло (%1)</translation>
    </message>
    <message>
        <source>All fitting rooms are free</source>
        <translation>Все примерочные свободны</translation>
    </message>
    <message>
        <source>On the issuing screen (F2), Ctrl+F sends the customer&apos;s clothes and shoes to a room.</source>
        <translation>На экране выдачи (F2) Ctrl+F отправляет одежду и обувь покупателя в примерочную.</translation>
    </message>
    <message>
        <source>%1 of %2 fitting rooms taken</source>
        <translation>Занято примерочных: %1 из %2</translation>
    </message>
    <message>
        <source>When a customer is back, scan their code or choose the room and press Ctrl+Enter.</source>
        <translation>Когда покупатель вернётся, отсканируйте его код или выберите кабину и нажмите Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Choose a room (arrows), then Ctrl+Enter.</source>
        <translation>Выберите кабину (стрелками), затем Ctrl+Enter.</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <source>Inventory</source>
        <translation>Инвентаризация</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>unknown here</source>
        <translation>нет в базе ПВЗ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Record cell</source>
        <translation>Записать ячейку</translation>
    </message>
    <message>
        <source>Cancel cell</source>
        <translation>Отменить ячейку</translation>
    </message>
    <message>
        <source>not scanned yet (missing)</source>
        <translation>не отсканирован (нет на месте)</translation>
    </message>
    <message>
        <source>found</source>
        <translation>на месте</translation>
    </message>
    <message>
        <source>unexpected here</source>
        <translation>лишний в ячейке</translation>
    </message>
    <message>
        <source>Cells recorded this session: %1</source>
        <translation>Ячеек записано: %1</translation>
    </message>
    <message>
        <source>Cell %1: expected %2, found %3, missing %4, unexpected %5</source>
        <translation>Ячейка %1: ожидается %2, на месте %3, нет %4, лишних %5</translation>
    </message>
    <message>
        <source>Scan a cell label to count it</source>
        <translation>Отсканируйте этикетку ячейки для пересчёта</translation>
    </message>
    <message>
        <source>Then scan every unit in the cell.</source>
        <translation>Затем отсканируйте каждый товар в ячейке.</translation>
    </message>
    <message>
        <source>Scan every unit in the cell</source>
        <translation>Отсканируйте каждый товар в ячейке</translation>
    </message>
    <message>
        <source>Ctrl+Enter records the cell; scanning the next cell records this one too.</source>
        <translation>Ctrl+Enter записывает ячейку; скан следующей ячейки тоже запишет эту.</translation>
    </message>
    <message>
        <source>This cell is being counted: scan its units.</source>
        <translation>Эта ячейка уже пересчитывается: сканируйте её товары.</translation>
    </message>
    <message>
        <source>Cell %1: %2 units expected</source>
        <translation>Ячейка %1: ожидается товаров: %2</translation>
    </message>
    <message>
        <source>Unit %1 is already counted.</source>
        <translation>Товар %1 уже посчитан.</translation>
    </message>
    <message>
        <source>Found: %1</source>
        <translation>На месте: %1</translation>
    </message>
    <message>
        <source>Unexpected in this cell: %1</source>
        <translation>Лишний в этой ячейке: %1</translation>
    </message>
    <message>
        <source>Cell recorded: missing %1, unexpected %2</source>
        <translation>Ячейка записана: нет %1, лишних %2</translation>
    </message>
</context>
<context>
    <name>IssuingScreen</name>
    <message>
        <source>Issuing</source>
        <translation>Выдача</translation>
    </message>
    <message>
        <source>did not fit (size)</source>
        <translation>не подошёл размер</translation>
    </message>
    <message>
        <source>did not like</source>
        <translation>не понравился</translation>
    </message>
    <message>
        <source>defect</source>
        <translation>брак</translation>
    </message>
    <message>
        <source>not as described</source>
        <translation>не соответствует описанию</translation>
    </message>
    <message>
        <source>changed mind</source>
        <translation>передумал</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>другая причина</translation>
    </message>
    <message>
        <source>goes to another pickup point</source>
        <translation>едет в другой пункт выдачи</translation>
    </message>
    <message>
        <source>still at the warehouse</source>
        <translation>ещё на складе</translation>
    </message>
    <message>
        <source>in transit to this pickup point</source>
        <translation>в пути в этот пункт</translation>
    </message>
    <message>
        <source>already issued</source>
        <translation>уже выдан</translation>
    </message>
    <message>
        <source>refused earlier</source>
        <translation>ранее отказ</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>недоступен</translation>
    </message>
    <message>
        <source>going back to the warehouse</source>
        <translation>возвращается на склад</translation>
    </message>
    <message>
        <source>8 digits the customer dictates</source>
        <translation>8 цифр, которые называет покупатель</translation>
    </message>
    <message>
        <source>Short code</source>
        <translation>Код получения</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ячейка</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Забирает</translation>
    </message>
    <message>
        <source>Fitting room</source>
        <translation>Примерочная</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Следующий покупатель</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>%1, expected %2</source>
        <translation>%1, ожидается %2</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>отказ: %1</translation>
    </message>
    <message>
        <source>fetch from the cell and scan</source>
        <translation>принесите из ячейки и отсканируйте</translation>
    </message>
    <message>
        <source>scan the marking DataMatrix</source>
        <translation>отсканируйте DataMatrix маркировки</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>забирает</translation>
    </message>
    <message>
        <source>%1 is back from fitting room %2</source>
        <translation>%1 вернулся из примерочной %2</translation>
    </message>
    <message>
        <source>%1: %2 units ready in %3 orders</source>
        <translation>%1: готово товаров — %2, заказов — %3</translation>
    </message>
    <message>
        <source>%1 (back from fitting room %2)</source>
        <translation>%1 (из примерочной %2)</translation>
    </message>
    <message>
        <source>%1 · orders %2: %3 ready, %4 fetched, %5 refused</source>
        <translation>%1 · заказы %2: готово %3, принесено %4, отказ %5</translation>
    </message>
    <message>
        <source>%1 on the way</source>
        <translation>в пути: %1</translation>
    </message>
    <message>
        <source>%1 going back (returns in progress)</source>
        <translation>возвращается: %1 (идёт возврат)</translation>
    </message>
    <message>
        <source>storage ends by %1 for %2 units</source>
        <translation>срок хранения истекает %1 у товаров: %2</translation>
    </message>
    <message>
        <source>pay on pickup: up to %1 by СБП</source>
        <translation>оплата при получении: до %1 по СБП</translation>
    </message>
    <message>
        <source>Offline: pay-on-pickup orders cannot be issued until the connection is back.</source>
        <translation>Нет связи: заказы с оплатой при получении нельзя выдать, пока связь не восстановится.</translation>
    </message>
    <message>
        <source>No parcels here for a phone ending %1.</source>
        <translation>Нет посылок для телефона, оканчивающегося на %1.</translation>
    </message>
    <message>
        <source>%1: %2 ready in cell %3, %4 more</source>
        <translation>%1: готово %2 в ячейке %3, ещё %4</translation>
    </message>
    <message>
        <source>To issue, scan the customer&apos;s pickup QR or type the 8-digit code</source>
        <translation>Для выдачи отсканируйте QR-код покупателя или введите 8-значный код</translation>
    </message>
    <message>
        <source>The phone only helps find the parcels; it does not prove who the customer is.</source>
        <translation>Телефон помогает только найти посылки; он не подтверждает, кто покупатель.</translation>
    </message>
    <message>
        <source>Phone ending %1: %2 customers</source>
        <translation>Телефон на %1: покупателей — %2</translation>
    </message>
    <message>
        <source>To pay: %1
Order %2, %3 units
СБП: scan with your bank app</source>
        <translation>К оплате: %1
Заказ %2, товаров: %3
СБП: отсканируйте в приложении банка</translation>
    </message>
    <message>
        <source>Payment QR shown: waiting for the bank</source>
        <translation>QR-код оплаты показан: ждём банк</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Оплачено: %1</translation>
    </message>
    <message>
        <source>The payment did not go through: ask the customer to try again (Ctrl+Enter).</source>
        <translation>Оплата не прошла: попросите покупателя повторить (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>The payment cannot start: %1</source>
        <translation>Оплату не начать: %1</translation>
    </message>
    <message>
        <source>Scan the customer&apos;s pickup QR code</source>
        <translation>Отсканируйте QR-код покупателя</translation>
    </message>
    <message>
        <source>or type the 8-digit short code and press Enter</source>
        <translation>или введите 8-значный код и нажмите Enter</translation>
    </message>
    <message>
        <source>The customer pays %1 by СБП: scan the QR with a bank app</source>
        <translation>Покупатель платит %1 по СБП: QR-код сканируется приложением банка</translation>
    </message>
    <message>
        <source>The pickup completes by itself once the payment arrives. Ctrl+N cancels.</source>
        <translation>Выдача завершится сама, когда придёт оплата. Ctrl+N — отмена.</translation>
    </message>
    <message>
        <source>Scan the marking DataMatrix on the product</source>
        <translation>Отсканируйте DataMatrix маркировки на товаре</translation>
    </message>
    <message>
        <source>Unit %1 needs its Chestny Znak code</source>
        <translation>Для товара %1 нужен код «Честного знака»</translation>
    </message>
    <message>
        <source>Back from fitting room %1: Ctrl+R for each unit refused, then Ctrl+Enter</source>
        <translation>Из примерочной %1: Ctrl+R для каждого отказа, затем Ctrl+Enter</translation>
    </message>
    <message>
        <source>Refused units stay here and go back as refusals; the pickup completes with what is kept.</source>
        <translation>Товары с отказом остаются в пункте и уходят в возврат; выдаётся то, что покупатель берёт.</translation>
    </message>
    <message>
        <source>Nothing to issue: no unit of order %1 is here yet</source>
        <translation>Выдавать нечего: товаров заказа %1 здесь пока нет</translation>
    </message>
    <message>
        <source>Fetch from cell %1 and scan each unit</source>
        <translation>Принесите из ячейки %1 и отсканируйте каждый товар</translation>
    </message>
    <message>
        <source>%1 units to fetch. Ctrl+R marks a refused unit.</source>
        <translation>Принести товаров: %1. Ctrl+R — отказ от товара.</translation>
    </message>
    <message>
        <source>Everything fetched: complete the pickup (Ctrl+Enter)</source>
        <translation>Всё принесено: завершите выдачу (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ctrl+R marks a unit the customer refuses.</source>
        <translation>Ctrl+R — покупатель отказывается от товара.</translation>
    </message>
    <message>
        <source>%1. Ctrl+N: next customer.</source>
        <translation>%1. Ctrl+N — следующий клиент.</translation>
    </message>
    <message>
        <source>Complete or cancel the current pickup first (Ctrl+Enter / Ctrl+N).</source>
        <translation>Сначала завершите или отмените текущую выдачу (Ctrl+Enter / Ctrl+N).</translation>
    </message>
    <message>
        <source>Nothing of this order is ready here yet.</source>
        <translation>Из этого заказа здесь пока ничего не готово.</translation>
    </message>
    <message>
        <source>Check the code with the customer.</source>
        <translation>Проверьте код у покупателя.</translation>
    </message>
    <message>
        <source>Unit %1: now scan its marking DataMatrix</source>
        <translation>Товар %1: теперь отсканируйте DataMatrix маркировки</translation>
    </message>
    <message>
        <source>Unit %1 fetched</source>
        <translation>Товар %1 принесён</translation>
    </message>
    <message>
        <source>WRONG UNIT %1: it is not in this customer&apos;s order. Put it back.</source>
        <translation>НЕ ТОТ ТОВАР %1: его нет в заказе покупателя. Верните на место.</translation>
    </message>
    <message>
        <source>Unit %1 cannot be issued: %2</source>
        <translation>Товар %1 нельзя выдать: %2</translation>
    </message>
    <message>
        <source>Unit %1 is already fetched.</source>
        <translation>Товар %1 уже принесён.</translation>
    </message>
    <message>
        <source>Scan the marking DataMatrix of unit %1 first.</source>
        <translation>Сначала отсканируйте DataMatrix маркировки товара %1.</translation>
    </message>
    <message>
        <source>The marking code belongs to another product: check the item.</source>
        <translation>Код маркировки от другого товара: проверьте товар.</translation>
    </message>
    <message>
        <source>No marking code is needed now: scan a unit label.</source>
        <translation>Код маркировки сейчас не нужен: отсканируйте этикетку товара.</translation>
    </message>
    <message>
        <source>The customer pays for order %1 first (Ctrl+Enter shows the payment QR).</source>
        <translation>Сначала покупатель оплачивает заказ %1 (Ctrl+Enter покажет QR-код оплаты).</translation>
    </message>
    <message>
        <source>Marking checked: %1</source>
        <translation>Маркировка проверена: %1</translation>
    </message>
    <message>
        <source>Select a fetched unit (arrows), then Ctrl+R.</source>
        <translation>Выберите принесённый товар (стрелками) и нажмите Ctrl+R.</translation>
    </message>
    <message>
        <source>Refusal reason</source>
        <translation>Причина отказа</translation>
    </message>
    <message>
        <source>Why does the customer refuse %1?</source>
        <translation>Почему покупатель отказывается от %1?</translation>
    </message>
    <message>
        <source>Unit %1 refused: %2</source>
        <translation>Отказ от товара %1: %2</translation>
    </message>
    <message>
        <source>Unit %1 taken: now scan its marking DataMatrix</source>
        <translation>Товар %1 забирают: теперь отсканируйте его код маркировки DataMatrix</translation>
    </message>
    <message>
        <source>Unit %1 taken</source>
        <translation>Товар %1 забирают</translation>
    </message>
    <message>
        <source>Pickup complete: %1 issued, %2 refused</source>
        <translation>Выдача завершена: выдано %1, отказов %2</translation>
    </message>
    <message>
        <source>Fetch the clothes or shoes to try on first (only these go to a fitting room).</source>
        <translation>Сначала принесите одежду или обувь для примерки (в примерочную идут только они).</translation>
    </message>
    <message>
        <source>Every fitting room is taken: the customer waits, or tries on at the counter.</source>
        <translation>Все примерочные заняты: покупатель ждёт или примеряет у стойки.</translation>
    </message>
    <message>
        <source>Fitting room %1: %2, %3 units, %4 min. Serve the next customer.</source>
        <translation>Примерочная %1: %2, товаров: %3, %4 мин. Обслуживайте следующего покупателя.</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>покупатель</translation>
    </message>
    <message>
        <source>Fitting room %1 keeps the pickup: scan the customer&apos;s code when they are back.</source>
        <translation>Выдача ждёт в примерочной %1: отсканируйте код покупателя, когда он вернётся.</translation>
    </message>
    <message>
        <source>%1 units of order %2 were fetched and nothing is recorded yet. Drop this pickup and put them back in their cells?</source>
        <translation>Из заказа %2 принесено товаров: %1, ничего ещё не записано. Прервать выдачу и вернуть их в ячейки?</translation>
    </message>
    <message>
        <source>The pickup goes on: complete it with Ctrl+Enter.</source>
        <translation>Выдача продолжается: завершите её по Ctrl+Enter.</translation>
    </message>
    <message>
        <source>Pickup cancelled: nothing was recorded.</source>
        <translation>Выдача отменена: ничего не записано.</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Login</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Locked: %1</source>
        <translation>Заблокировано: %1</translation>
    </message>
    <message>
        <source>Locked after %1 idle minutes. %2 enters their password to continue where they were; another clerk may log in and start afresh.</source>
        <translation>Заблокировано после %1 мин без действий. %2 вводит свой пароль и продолжает с того же места; другой сотрудник может войти и начать заново.</translation>
    </message>
    <message>
        <source>Log in to start</source>
        <translation>Войдите, чтобы начать работу</translation>
    </message>
    <message>
        <source>Without a network, a clerk who logged in here before can still log in.</source>
        <translation>Без сети может войти сотрудник, который уже входил на этом компьютере.</translation>
    </message>
    <message>
        <source>Enter your user name and password</source>
        <translation>Введите имя пользователя и пароль</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>Unlocked: %1, carry on where you were</source>
        <translation>Разблокировано: %1, продолжайте с того же места</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Вход выполнен: %1</translation>
    </message>
    <message>
        <source>Logged in offline: %1 (no connection to the server)</source>
        <translation>Вход без сети: %1 (нет связи с сервером)</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Войти не удалось</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>WB Ops: pickup point %1</source>
        <translation>WB Ops: пункт выдачи %1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Locked: the scan was not applied. %1 must unlock first (or another clerk log in).</source>
        <translation>Заблокировано: скан не применён. Сначала %1 должен разблокировать (или войти другой сотрудник).</translation>
    </message>
    <message>
        <source>Locked: %1 must unlock first (or another clerk log in).</source>
        <translation>Заблокировано: сначала %1 должен разблокировать (или войдёт другой сотрудник).</translation>
    </message>
    <message>
        <source>Log in first: the flows open after login.</source>
        <translation>Сначала войдите: разделы открываются после входа.</translation>
    </message>
    <message>
        <source>Open the shift first (Ctrl+O).</source>
        <translation>Сначала откройте смену (Ctrl+O).</translation>
    </message>
    <message>
        <source>«%1» is not available now.</source>
        <translation>«%1» сейчас недоступно.</translation>
    </message>
    <message>
        <source>Locked after %1 idle minutes.</source>
        <translation>Заблокировано после %1 мин без действий.</translation>
    </message>
    <message>
        <source>Logged in again: sync resumes.</source>
        <translation>Вход выполнен: синхронизация продолжается.</translation>
    </message>
    <message>
        <source>%1 operations have not reached the server yet. They stay on this computer and are sent after the next login. Log out anyway?</source>
        <translation>Операций ещё не отправлено на сервер: %1. Они останутся на этом компьютере и уйдут после следующего входа. Всё равно выйти?</translation>
    </message>
    <message>
        <source>Still logged in.</source>
        <translation>Вы остались в системе.</translation>
    </message>
    <message>
        <source>Loading data from the server…</source>
        <translation>Загрузка данных с сервера…</translation>
    </message>
</context>
<context>
    <name>ReturnsScreen</name>
    <message>
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>refused at pickup</source>
        <translation>отказ при выдаче</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>повреждён</translation>
    </message>
    <message>
        <source>storage period over</source>
        <translation>истёк срок хранения</translation>
    </message>
    <message>
        <source>brought back: defect</source>
        <translation>возврат: брак</translation>
    </message>
    <message>
        <source>brought back: wrong item</source>
        <translation>возврат: не тот товар</translation>
    </message>
    <message>
        <source>brought back: changed mind</source>
        <translation>возврат: передумал</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ячейка</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>New return box</source>
        <translation>Новый возвратный короб</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Закрыть короб</translation>
    </message>
    <message>
        <source>Hand over to courier</source>
        <translation>Передать курьеру</translation>
    </message>
    <message>
        <source>Confirm handover</source>
        <translation>Подтвердить передачу</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Handover: no boxes scanned yet</source>
        <translation>Передача: коробы ещё не отсканированы</translation>
    </message>
    <message>
        <source>Return box %1: %2 units packed</source>
        <translation>Возвратный короб %1: упаковано %2</translation>
    </message>
    <message>
        <source>No return box open</source>
        <translation>Возвратный короб не открыт</translation>
    </message>
    <message>
        <source>Handover to courier %1: %2 boxes scanned: %3</source>
        <translation>Передача курьеру %1: отсканировано коробок %2: %3</translation>
    </message>
    <message>
        <source>Handover to courier %1: no boxes scanned yet</source>
        <translation>Передача курьеру %1: коробы ещё не отсканированы</translation>
    </message>
    <message>
        <source>Scan the courier&apos;s badge, then each return box and the seal put on it</source>
        <translation>Отсканируйте бейдж курьера, затем каждый возвратный короб и его пломбу</translation>
    </message>
    <message>
        <source>Then Ctrl+Enter confirms the handover and prints the act.</source>
        <translation>Затем Ctrl+Enter подтверждает передачу и печатает акт.</translation>
    </message>
    <message>
        <source>Scan a return box label, or Ctrl+G for a new one</source>
        <translation>Отсканируйте этикетку возвратного короба или Ctrl+G — новый</translation>
    </message>
    <message>
        <source>Units to return are listed below.</source>
        <translation>Товары к возврату перечислены ниже.</translation>
    </message>
    <message>
        <source>Scan each unit going into the box</source>
        <translation>Отсканируйте каждый товар, который кладёте в короб</translation>
    </message>
    <message>
        <source>Ctrl+E closes the box.</source>
        <translation>Ctrl+E закрывает короб.</translation>
    </message>
    <message>
        <source>Courier %1</source>
        <translation>Курьер %1</translation>
    </message>
    <message>
        <source>Close box %1 first (Ctrl+E).</source>
        <translation>Сначала закройте короб %1 (Ctrl+E).</translation>
    </message>
    <message>
        <source>This is a forward box label: scan a return box label.</source>
        <translation>Это этикетка прямого короба: отсканируйте этикетку возвратного.</translation>
    </message>
    <message>
        <source>Return box %1 open</source>
        <translation>Возвратный короб %1 открыт</translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation>Возврат от покупателя</translation>
    </message>
    <message>
        <source>Why did the customer bring %1 back?</source>
        <translation>Почему покупатель вернул %1?</translation>
    </message>
    <message>
        <source>Unit %1 is not to be returned.</source>
        <translation>Товар %1 не подлежит возврату.</translation>
    </message>
    <message>
        <source>Unit %1 packed</source>
        <translation>Товар %1 упакован</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Return box %1 closed: %2 units</source>
        <translation>Возвратный короб %1 закрыт: товаров %2</translation>
    </message>
    <message>
        <source>Nothing printed yet.</source>
        <translation>Ещё ничего не печаталось.</translation>
    </message>
    <message>
        <source>Box %1 is not a return box of this pickup point.</source>
        <translation>Короб %1 не возвратный короб этого пункта.</translation>
    </message>
    <message>
        <source>Box %1 is not closed yet.</source>
        <translation>Короб %1 ещё не закрыт.</translation>
    </message>
    <message>
        <source>Box %1 was already handed over.</source>
        <translation>Короб %1 уже передан.</translation>
    </message>
    <message>
        <source>Box %1 is already on the list.</source>
        <translation>Короб %1 уже в списке.</translation>
    </message>
    <message>
        <source>Box %1 added</source>
        <translation>Короб %1 добавлен</translation>
    </message>
    <message>
        <source>Scan the box first, then the seal put on it.</source>
        <translation>Сначала отсканируйте короб, затем его пломбу.</translation>
    </message>
    <message>
        <source>Seal %1 is already on another box.</source>
        <translation>Пломба %1 уже на другом коробе.</translation>
    </message>
    <message>
        <source>Box %1: seal %2</source>
        <translation>Короб %1: пломба %2</translation>
    </message>
    <message>
        <source>Scan the courier&apos;s badge first.</source>
        <translation>Сначала отсканируйте бейдж курьера.</translation>
    </message>
    <message>
        <source>No seal scanned for box %1.</source>
        <translation>Для короба %1 не отсканирована пломба.</translation>
    </message>
    <message>
        <source>Handed over: %1 boxes, %2 units</source>
        <translation>Передано: коробов %1, товаров %2</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <source>Nothing to scan here.</source>
        <translation>На этом экране сканировать нечего.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>system default printer</source>
        <translation>принтер по умолчанию</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>Pickup point id</source>
        <translation>Код пункта выдачи</translation>
    </message>
    <message>
        <source>Scanner port</source>
        <translation>Порт сканера</translation>
    </message>
    <message>
        <source>Scanner speed (baud)</source>
        <translation>Скорость сканера (бод)</translation>
    </message>
    <message>
        <source>Ignore a repeat scan within</source>
        <translation>Игнорировать повторный скан в течение</translation>
    </message>
    <message>
        <source>Keyboard scanner: max pause between keys</source>
        <translation>Сканер-клавиатура: макс. пауза между клавишами</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Размер этикетки</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Log in as administrator</source>
        <translation>Войти как администратор</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Lock settings</source>
        <translation>Закрыть настройки</translation>
    </message>
    <message>
        <source>Support bundle</source>
        <translation>Пакет для поддержки</translation>
    </message>
    <message>
        <source>Change the settings and save (Ctrl+S)</source>
        <translation>Измените настройки и сохраните (Ctrl+S)</translation>
    </message>
    <message>
        <source>Server, pickup point and scanner changes apply after a restart.</source>
        <translation>Сервер, пункт и сканер меняются после перезапуска.</translation>
    </message>
    <message>
        <source>Settings need an administrator</source>
        <translation>Настройки доступны только администратору</translation>
    </message>
    <message>
        <source>Log in with an administrator account.</source>
        <translation>Войдите с учётной записью администратора.</translation>
    </message>
    <message>
        <source>Not an administrator, or a wrong password.</source>
        <translation>Это не администратор или неверный пароль.</translation>
    </message>
    <message>
        <source>keyboard scanner (no port)</source>
        <translation>сканер-клавиатура (без порта)</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Настройки сохранены</translation>
    </message>
    <message>
        <source>Folder for the support bundle</source>
        <translation>Папка для пакета поддержки</translation>
    </message>
    <message>
        <source>Support bundle saved: %1</source>
        <translation>Пакет для поддержки сохранён: %1</translation>
    </message>
    <message>
        <source>Support bundle saved</source>
        <translation>Пакет для поддержки сохранён</translation>
    </message>
    <message>
        <source>%1 pending operations, %2 conflicts. Send the file %3 to support.</source>
        <translation>Неотправленных операций: %1, конфликтов: %2. Отправьте файл %3 в поддержку.</translation>
    </message>
    <message>
        <source>The support bundle was not written: %1</source>
        <translation>Пакет для поддержки не записан: %1</translation>
    </message>
</context>
<context>
    <name>ShiftScreen</name>
    <message>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Отчёт о смене</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выдано</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказы</translation>
    </message>
    <message>
        <source>Packed for return</source>
        <translation>Упаковано в возврат</translation>
    </message>
    <message>
        <source>Shortages</source>
        <translation>Недостачи</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Повреждено</translation>
    </message>
    <message>
        <source>Surplus</source>
        <translation>Излишки</translation>
    </message>
    <message>
        <source>Open the shift to start work</source>
        <translation>Откройте смену, чтобы начать работу</translation>
    </message>
    <message>
        <source>Ctrl+O opens the shift.</source>
        <translation>Ctrl+O открывает смену.</translation>
    </message>
    <message>
        <source>Shift is open</source>
        <translation>Смена открыта</translation>
    </message>
    <message>
        <source>Choose a flow on the left (F2–F7). Close the shift at the end of the day.</source>
        <translation>Выберите раздел слева (F2–F7). В конце дня закройте смену.</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Смена открыта</translation>
    </message>
    <message>
        <source>Close the shift? The shift report is printed; flows need a new shift after this.</source>
        <translation>Закрыть смену? Будет напечатан отчёт о смене; для дальнейшей работы понадобится новая смена.</translation>
    </message>
    <message>
        <source>%1 operations have not reached the server yet: they stay on this computer and are sent when the connection is back.</source>
        <translation>Операций ещё не отправлено на сервер: %1. Они останутся на этом компьютере и уйдут, когда появится связь.</translation>
    </message>
    <message>
        <source>The shift stays open.</source>
        <translation>Смена остаётся открытой.</translation>
    </message>
    <message>
        <source>No shift is open: Ctrl+O opens it.</source>
        <translation>Смена не открыта: Ctrl+O открывает её.</translation>
    </message>
    <message>
        <source>The shift is already open.</source>
        <translation>Смена уже открыта.</translation>
    </message>
    <message>
        <source>Shift closed. The shift report is ready to print.</source>
        <translation>Смена закрыта. Отчёт о смене готов к печати.</translation>
    </message>
    <message>
        <source>Shift report sent to the printer</source>
        <translation>Отчёт о смене отправлен на печать</translation>
    </message>
</context>
<context>
    <name>StorageScreen</name>
    <message>
        <source>Storage deadlines</source>
        <translation>Сроки хранения</translation>
    </message>
    <message>
        <source>overdue: collect for return</source>
        <translation>срок истёк: собрать в возврат</translation>
    </message>
    <message>
        <source>storage ends today</source>
        <translation>хранение заканчивается сегодня</translation>
    </message>
    <message>
        <source>storage ends tomorrow</source>
        <translation>хранение заканчивается завтра</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ячейка</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Хранится до</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>New return box</source>
        <translation>Новый возвратный короб</translation>
    </message>
    <message>
        <source>Close box</source>
        <translation>Закрыть короб</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Return box %1: %2 expired units</source>
        <translation>Возвратный короб %1: товаров с истёкшим сроком — %2</translation>
    </message>
    <message>
        <source>Scan each overdue unit into the return box</source>
        <translation>Сканируйте каждый просроченный товар в возвратный короб</translation>
    </message>
    <message>
        <source>%1 overdue left. Ctrl+E closes the box.</source>
        <translation>Осталось просроченных: %1. Ctrl+E закрывает короб.</translation>
    </message>
    <message>
        <source>No storage ends today or tomorrow</source>
        <translation>Ни у кого хранение не заканчивается сегодня или завтра</translation>
    </message>
    <message>
        <source>Units are kept for the site&apos;s storage days from the day they arrive.</source>
        <translation>Товары хранятся срок хранения пункта со дня поступления.</translation>
    </message>
    <message>
        <source>%1 overdue, %2 end today, %3 end tomorrow</source>
        <translation>Просрочено: %1, заканчивается сегодня: %2, завтра: %3</translation>
    </message>
    <message>
        <source>Ctrl+G prints a return box label (or scan one); then scan the overdue units into it.</source>
        <translation>Ctrl+G печатает этикетку возвратного короба (или отсканируйте готовую); затем сканируйте в него просроченные товары.</translation>
    </message>
    <message>
        <source>Close box %1 first (Ctrl+E).</source>
        <translation>Сначала закройте короб %1 (Ctrl+E).</translation>
    </message>
    <message>
        <source>This is a forward box label: scan a return box label.</source>
        <translation>Это этикетка короба на доставку: отсканируйте этикетку возвратного короба.</translation>
    </message>
    <message>
        <source>Return: expired</source>
        <translation>Возврат: истёк срок</translation>
    </message>
    <message>
        <source>Return box %1 open: scan the overdue units</source>
        <translation>Возвратный короб %1 открыт: сканируйте просроченные товары</translation>
    </message>
    <message>
        <source>Unit %1 packed as expired</source>
        <translation>Товар %1 уложен как просроченный</translation>
    </message>
    <message>
        <source>Unit %1 is not overdue: it stays in its cell.</source>
        <translation>У товара %1 срок не истёк: он остаётся в ячейке.</translation>
    </message>
    <message>
        <source>Return box %1 closed: %2 units. Hand it over on the returns screen (F4).</source>
        <translation>Возвратный короб %1 закрыт: товаров — %2. Передайте его на экране возвратов (F4).</translation>
    </message>
</context>
</TS>
