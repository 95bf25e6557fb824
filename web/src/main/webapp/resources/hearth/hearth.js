/*
 * Hearth's page behaviour: the idle warning (the server ends the session after 15 idle minutes) and
 * expired sessions met by an AJAX request (the server answers 401; reloading leads to the login page).
 */
var Hearth = window.Hearth || {};
window.Hearth = Hearth;

Hearth.idle = {
    timer: null,
    warn: function () {
        var secondsLeft = 60;
        var counter = document.getElementById('idle-seconds');
        counter.textContent = secondsLeft;
        PF('idleDialog').show();
        clearInterval(Hearth.idle.timer);
        Hearth.idle.timer = setInterval(function () {
            secondsLeft -= 1;
            counter.textContent = secondsLeft;
            if (secondsLeft <= 0) {
                clearInterval(Hearth.idle.timer);
                window.location.href = Hearth.signOutUrl;
            }
        }, 1000);
    },
    stay: function () {
        clearInterval(Hearth.idle.timer);
        PF('idleDialog').hide();
    }
};

Hearth.reloadWhenSignedOut = function (status) {
    if (status === 401) {
        window.location.reload();
    }
};

document.addEventListener('DOMContentLoaded', function () {
    if (window.jQuery) {
        jQuery(document).on('pfAjaxError', function (event, xhr) {
            Hearth.reloadWhenSignedOut(xhr && xhr.status);
        });
    }
    if (window.faces && faces.ajax) {
        faces.ajax.addOnError(function (data) {
            Hearth.reloadWhenSignedOut(data.responseCode);
        });
    }
});
