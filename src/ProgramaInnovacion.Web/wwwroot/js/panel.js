// Expert panel: the print button of the print-ready final project (CSP forbids inline handlers).
document.querySelectorAll('[data-print-page]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
