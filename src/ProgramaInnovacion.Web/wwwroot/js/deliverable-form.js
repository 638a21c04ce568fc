// Progressive enhancement of the deliverable form: "Agregar fila" adds the row in the page instead
// of a round trip to the server. Without JavaScript the button posts the form and the server
// re-renders it with an empty row, so both paths give the same form.
(function () {
    'use strict';
    document.querySelectorAll('button[data-add-row]').forEach(function (button) {
        var key = button.getAttribute('data-add-row');
        var template = document.querySelector('template[data-row-template="' + key + '"]');
        var body = document.querySelector('tbody[data-rows="' + key + '"]');
        var count = document.querySelector('input[data-row-count="' + key + '"]');
        if (!template || !body || !count) {
            return;
        }
        button.addEventListener('click', function (event) {
            event.preventDefault();
            var index = parseInt(count.value, 10) || 0;
            var html = template.innerHTML.split('__i__').join(String(index)).split('fila 0').join('fila ' + (index + 1));
            var holder = document.createElement('tbody');
            holder.innerHTML = html;
            var row = holder.querySelector('tr');
            if (!row) {
                return;
            }
            body.appendChild(row);
            count.value = String(index + 1);
            var empty = document.querySelector('[data-empty="' + key + '"]');
            if (empty) {
                empty.remove();
            }
            var first = row.querySelector('input, select, textarea');
            if (first) {
                first.focus();
            }
        });
    });
})();
