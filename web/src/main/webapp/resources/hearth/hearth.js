/*
 * Hearth's page behaviour: keeping the page in step with the server session.
 *
 * The server ends a session after its idle timeout (data-session-seconds on the body). While the user works
 * in a page (mouse, keys, touch), the page tells the server at most once a minute (a keep-alive, never a
 * Faces request, so it cannot meet an expired view), and always after the user's last activity. When the
 * user has been idle for all but the last minute (p:idleMonitor, shared by all tabs), a dialog counts down
 * the minute the session has left; "Stay signed in" keeps it, and at zero the page signs out. All tabs share
 * the time of the last contact with the server, so staying in one tab closes the warning in the others.
 *
 * A request of an expired session gets HTTP 401 (the server answers AJAX requests so, not with a redirect):
 * a Faces or PrimeFaces AJAX request then loads the page afresh, which leads to the login page; a keep-alive
 * says so in a dialog first, so the user can copy what they typed.
 */
(function (window, document) {
    'use strict';

    var WARNING_MS = 60 * 1000;
    var KEEP_ALIVE_EVERY_MS = 60 * 1000;
    var RETRY_AFTER_FAILURE_MS = 10 * 1000;
    /* Sign out a few seconds before the server would: after it, "Stay signed in" could no longer work. */
    var SAFETY_MS = 3 * 1000;
    /* The events p:idleMonitor counts as activity. */
    var ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'touchmove'];

    var Hearth = window.Hearth = window.Hearth || {};

    var settings = null;
    var ownLastContact = 0;
    var lastActivity = 0;
    var keepAliveTimer = null;
    var keepAliveInFlight = false;
    var warning = null;
    var ended = false;

    function now() {
        return Date.now();
    }

    function storedContact() {
        try {
            return parseInt(window.localStorage.getItem(settings.contactKey), 10) || 0;
        } catch (storageUnavailable) {
            return 0;
        }
    }

    /** When the server last heard from this browser, in any tab: the session ends its timeout after that. */
    function lastContact() {
        return Math.max(ownLastContact, storedContact());
    }

    function recordContact(at) {
        ownLastContact = Math.max(ownLastContact, at);
        try {
            if (at > storedContact()) {
                window.localStorage.setItem(settings.contactKey, String(at));
            }
        } catch (storageUnavailable) {
            // this tab still keeps its own time
        }
    }

    /** Loads the page afresh with a GET (never re-sending a form), which leads to the login page. */
    function reloadPage() {
        window.location.replace(window.location.href.split('#')[0]);
    }

    function pf(widgetVar) {
        return window.PrimeFaces && PrimeFaces.widgets[widgetVar] ? PF(widgetVar) : null;
    }

    function showDialog(widgetVar, messageId, focusId) {
        var dialog = pf(widgetVar);
        if (!dialog) {
            return;
        }
        dialog.show();
        window.setTimeout(function () {
            // after show(), which sets its own ARIA: this dialog interrupts, and its message describes it
            dialog.jq.attr('role', 'alertdialog').attr('aria-describedby', messageId);
            var focus = document.getElementById(focusId);
            if (focus) {
                focus.focus();
            }
        }, 50);
    }

    function hideDialog(widgetVar) {
        var dialog = pf(widgetVar);
        if (dialog && dialog.isVisible()) {
            dialog.hide();
        }
    }

    /** Tells the server the user is still here. Resolves to true when the session is alive. */
    function keepAlive() {
        var sentAt = now();
        return window.fetch(settings.keepAliveUrl, {
            method: 'POST',
            credentials: 'same-origin',
            cache: 'no-store',
            redirect: 'manual',
            headers: {'X-Requested-With': 'XMLHttpRequest'}
        }).then(function (response) {
            if (response.ok) {
                recordContact(sentAt);
                return true;
            }
            if (response.status === 401 || response.type === 'opaqueredirect') {
                sessionEnded();
            }
            return false;
        }, function () {
            return false;
        });
    }

    /** Makes sure a keep-alive follows the user's last activity, at most one a minute. */
    function scheduleKeepAlive(notBefore) {
        if (keepAliveTimer || keepAliveInFlight || ended) {
            return;
        }
        var wait = Math.max(notBefore || 0, lastContact() + KEEP_ALIVE_EVERY_MS - now(), 0);
        keepAliveTimer = window.setTimeout(function () {
            keepAliveTimer = null;
            if (warning || ended || lastContact() >= lastActivity) {
                return;
            }
            keepAliveInFlight = true;
            keepAlive().then(function (alive) {
                keepAliveInFlight = false;
                if (lastContact() < lastActivity) {
                    scheduleKeepAlive(alive ? 0 : RETRY_AFTER_FAILURE_MS);
                }
            });
        }, wait);
    }

    function userIsActive() {
        if (ended || (warning && warning.shown)) {
            // once the warning is up, only "Stay signed in" keeps the session
            return;
        }
        if (warning) {
            stopWarning();
        }
        lastActivity = now();
        scheduleKeepAlive(0);
    }

    function stopWarning() {
        if (warning) {
            window.clearInterval(warning.timer);
            warning = null;
        }
        hideDialog('idleDialog');
    }

    function showTimeLeft(milliseconds) {
        var seconds = Math.max(0, Math.ceil(milliseconds / 1000));
        var text = Math.floor(seconds / 60) + ':' + ('0' + (seconds % 60)).slice(-2);
        var counter = document.getElementById('idle-time-left');
        if (counter && counter.textContent !== text) {
            counter.textContent = text;
        }
    }

    function tick() {
        if (!warning) {
            return;
        }
        if (lastContact() > warning.contact) {
            // the user stayed, here or in another tab, or a request reached the server: the clock starts over
            stopWarning();
            var monitor = pf('idleMonitor');
            if (monitor) {
                monitor.reset();
            }
            return;
        }
        var left = warning.deadline - now();
        if (left <= 0) {
            Hearth.session.signOut();
            return;
        }
        if (left <= WARNING_MS && !warning.shown) {
            warning.shown = true;
            showDialog('idleDialog', 'idle-message', 'idle-stay');
        }
        if (warning.shown) {
            showTimeLeft(left);
        }
    }

    function sessionEnded() {
        if (ended) {
            return;
        }
        ended = true;
        stopWarning();
        window.clearTimeout(keepAliveTimer);
        showDialog('sessionEndedDialog', 'session-ended-message', 'session-ended-sign-in');
    }

    Hearth.session = {
        /** p:idleMonitor's onidle: counts down to the end of the session, warning for its last minute. */
        userIsIdle: function () {
            if (!settings || warning || ended) {
                return;
            }
            var contact = lastContact();
            warning = {
                contact: contact,
                deadline: contact + settings.sessionMillis - SAFETY_MS,
                shown: false,
                timer: window.setInterval(tick, 500)
            };
            tick();
        },

        /** "Stay signed in". */
        stay: function () {
            keepAlive().then(function (alive) {
                if (alive) {
                    tick();
                }
            });
        },

        signOut: function () {
            ended = true;
            stopWarning();
            // sign-out is a POST (a link another site could follow must not sign anyone out)
            var form = document.getElementById('signout-form');
            if (form) {
                form.submit();
            } else {
                reloadPage();
            }
        },

        /** "Sign in again", after the session ended. */
        signInAgain: reloadPage,

        /** For AJAX error handlers: a 401 means the session is gone. */
        handleErrorStatus: function (status) {
            if (Number(status) === 401) {
                reloadPage();
            }
        }
    };

    /** Whether this page came from the server now, not from the browser's cache. */
    function servedByServer() {
        var navigation = window.performance && performance.getEntriesByType
            ? performance.getEntriesByType('navigation')[0]
            : null;
        return !navigation || navigation.transferSize > 0;
    }

    function readSettings(body) {
        var seconds = parseInt(body.getAttribute('data-session-seconds'), 10);
        var keepAliveUrl = body.getAttribute('data-keep-alive-url');
        if (!(seconds > 0) || !keepAliveUrl) {
            return null;
        }
        return {
            sessionMillis: seconds * 1000,
            keepAliveUrl: keepAliveUrl,
            signOutUrl: body.getAttribute('data-sign-out-url'),
            contactKey: 'hearth.session.lastContact:' + keepAliveUrl
        };
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (window.jQuery) {
            jQuery(document)
                .on('pfAjaxSend', function (event, xhr) {
                    if (xhr) {
                        xhr.hearthSentAt = now();
                    }
                })
                .on('pfAjaxComplete', function (event, xhr) {
                    if (settings && xhr && xhr.status >= 200 && xhr.status < 400) {
                        recordContact(xhr.hearthSentAt || now());
                    }
                })
                .on('pfAjaxError', function (event, xhr) {
                    Hearth.session.handleErrorStatus(xhr && xhr.status);
                });
        }
        if (window.faces && faces.ajax) {
            faces.ajax.addOnError(function (data) {
                Hearth.session.handleErrorStatus(data.responseCode);
            });
            faces.ajax.addOnEvent(function (data) {
                if (settings && data.status === 'success') {
                    recordContact(now());
                }
            });
        }

        settings = readSettings(document.body);
        if (!settings) {
            return;
        }
        if (servedByServer()) {
            recordContact(Math.floor(window.performance && performance.timeOrigin ? performance.timeOrigin : now()));
        } else {
            // shown from the browser's cache: learn from the server whether the session is still there
            keepAlive();
        }
        ACTIVITY_EVENTS.forEach(function (type) {
            document.addEventListener(type, userIsActive, {capture: true, passive: true});
        });
    });

    /*
     * A draft note saves itself 2.5 s after the last change (the page's p:remoteCommand autosaveNote). The
     * listener sits on the document, not the form, so it outlives the form's AJAX updates; it lives here and
     * not in the page because the Content-Security-Policy runs no script the server did not stamp.
     */
    var autosaveTimer = null;
    ['input', 'change'].forEach(function (type) {
        document.addEventListener(type, function (event) {
            if (!event.target.closest || !event.target.closest('#note-form') || typeof window.autosaveNote !== 'function') {
                return;
            }
            window.clearTimeout(autosaveTimer);
            autosaveTimer = window.setTimeout(function () { window.autosaveNote(); }, 2500);
        });
    });

    /*
     * Repairs to PrimeFaces' markup that no attribute of the components can make (found by axe-core in the browser
     * tests), made again whenever the page changes:
     * - the note editors (p:textEditor, Quill) write into a bare contenteditable area that no label reaches: it
     *   becomes a multi-line text box named by its label (or its fieldset's legend), and the outer box, which
     *   PrimeFaces calls a text box, is no longer one;
     * - a message list's items carry role="alert", so they are no longer list items: the list becomes a plain
     *   container (the alerts are still announced);
     * - p:selectOneButton's options are role="radio" without aria-checked: it follows the chosen one;
     * - a drop-down's list of options (role="listbox") has no name: it takes the drop-down's label.
     */
    function labelOf(id) {
        return document.querySelector('label[for="' + id + '_input"]') || document.querySelector('label[for="' + id
            + '_focus"]') || document.querySelector('label[for="' + id + '"]');
    }

    function labelledBy(element, label, fallbackId) {
        if (!label.id) {
            label.id = fallbackId + '_label';
        }
        element.setAttribute('aria-labelledby', label.id);
    }

    function repair() {
        // p:textEditor's outer box says role="textbox" but never takes the focus: the editable area inside does
        document.querySelectorAll('.ui-texteditor[role="textbox"]').forEach(function (box) {
            box.removeAttribute('role');
        });
        document.querySelectorAll('.ql-editor[contenteditable]:not([aria-labelledby])').forEach(function (area) {
            var widget = area.closest('.ui-texteditor') || area.closest('.note-editor');
            var label = widget && widget.id ? labelOf(widget.id) : null;
            if (!label) {
                var fieldset = area.closest('fieldset');
                label = fieldset ? fieldset.querySelector('legend') : null;
            }
            area.setAttribute('role', 'textbox');
            area.setAttribute('aria-multiline', 'true');
            if (label) {
                labelledBy(area, label, widget && widget.id ? widget.id : 'editor');
            }
        });
        document.querySelectorAll('.ui-messages ul:not([role])').forEach(function (list) {
            list.setAttribute('role', 'none');
        });
        document.querySelectorAll('.ui-selectonebutton [role="radio"]').forEach(function (option) {
            var checked = option.classList.contains('ui-state-active') ? 'true' : 'false';
            if (option.getAttribute('aria-checked') !== checked) {
                option.setAttribute('aria-checked', checked);
            }
        });
        // a drop-down's option list is named with its label's words (not by the label's id: PrimeFaces' own
        // "..._label" element of the drop-down has that id, and an AJAX update replaces the label)
        document.querySelectorAll('.ui-selectonemenu-items[role="listbox"]').forEach(function (list) {
            var label = labelOf(list.id.replace(/_items$/, ''));
            var name = label ? label.textContent.trim() : '';
            if (name && list.getAttribute('aria-label') !== name) {
                list.setAttribute('aria-label', name);
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        repair();
        if (window.MutationObserver) {
            // only changes of elements and classes: the repairs' own attributes do not wake it again
            new MutationObserver(repair).observe(document.body,
                {childList: true, subtree: true, attributes: true, attributeFilter: ['class']});
        }
    });
})(window, document);