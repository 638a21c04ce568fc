// Calendar subscription: a button that copies the private feed link. Without JavaScript the button
// stays hidden and the read-only field can still be selected and copied by hand.
document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-copy-target'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!input || !status) {
        return;
    }

    function copied() {
        status.textContent = 'Copiamos el enlace: pegalo en tu aplicación de calendario.';
    }

    function copyBySelection() {
        input.focus();
        input.select();
        try {
            if (document.execCommand('copy')) {
                copied();
                return;
            }
        } catch (e) {
            // Falls through to the manual instruction below.
        }
        status.textContent = 'No pudimos copiarlo: el enlace quedó seleccionado, copialo con Ctrl+C (⌘+C en Mac).';
    }

    button.hidden = false;
    button.addEventListener('click', function () {
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(input.value).then(copied, copyBySelection);
        } else {
            copyBySelection();
        }
    });
});
