// Nothing typed is lost (issue 22, decision 016). Interactive pages run on the server: a dropped connection, a restart
// of the instance or a move to another instance ends the circuit that holds what a person typed. This script, loaded
// on every page before Blazor, keeps a copy in the browser and watches the connection:
//  - every keystroke in a form marked data-keep="<name>" is copied into localStorage under the signed-in person's id
//    (meta dashboard-keep-owner) and the form's name, with the version of the record it was typed on; the form's
//    component reads the copy back when the page comes again (FormKeeper.razor) and forgets it once saved;
//  - a press on a form's button while the connection is down is refused, with the form's own message, instead of
//    going nowhere;
//  - the reconnect dialog (ReconnectModal.razor) is shown and hidden as Blazor reports; when the server no longer
//    knows the circuit (restarted, or another instance), the page reloads and the form restores the copy.
(() => {
    const prefix = 'dashboard-keep:';
    const maxAgeMs = 14 * 24 * 60 * 60 * 1000;
    let connected = navigator.onLine !== false;
    let dialogShown = false;

    const owner = () => document.querySelector('meta[name="dashboard-keep-owner"]')?.content ?? '';
    const storageKey = name => `${prefix}${owner()}:${name}`;
    const formNamed = name => [...document.querySelectorAll('[data-keep]')].find(form => form.dataset.keep === name);

    function fieldsOf(form) {
        const fields = {};
        for (const field of form.querySelectorAll('input[name], textarea[name]')) {
            if (field.type === 'checkbox' || field.type === 'radio' || field.type === 'hidden' || field.type === 'file' || field.readOnly || field.disabled) {
                continue;
            }

            fields[field.name] = field.value;
        }

        // A choice made in a list (MudSelect has no field of its own to copy) is named by an element the form renders
        // with data-keep-choice="<name>" data-value="<the choice>"; it is copied with the text.
        for (const choice of form.querySelectorAll('[data-keep-choice]')) {
            fields[choice.dataset.keepChoice] = choice.dataset.value ?? '';
        }

        return fields;
    }

    function remember(form) {
        if (!owner() || !form.dataset.keep) {
            return;
        }

        try {
            localStorage.setItem(storageKey(form.dataset.keep), JSON.stringify({ version: form.dataset.keepVersion ?? '', at: Date.now(), fields: fieldsOf(form) }));
        } catch {
            // Storage refused (full, or private mode): the page works as before, only without the copy.
        }
    }

    function read(name) {
        try {
            const raw = localStorage.getItem(storageKey(name));
            if (!raw) {
                return null;
            }

            const kept = JSON.parse(raw);
            if (typeof kept?.at !== 'number' || Date.now() - kept.at > maxAgeMs || typeof kept.fields !== 'object') {
                localStorage.removeItem(storageKey(name));
                return null;
            }

            return { version: String(kept.version ?? ''), fields: Object.fromEntries(Object.entries(kept.fields).map(([k, v]) => [k, String(v ?? '')])) };
        } catch {
            return null;
        }
    }

    function show(form, selector, visible) {
        form?.querySelectorAll(selector).forEach(element => element.hidden = !visible);
    }

    // When the connection is back: a form that refused a save while it was down says the connection is back and the
    // save was not done (the refusal spoke of a connection that is no longer down), and keeps saying so if the
    // connection drops and comes back again before the save; any other form with a copy the server has not received
    // shows its notice "restored, not yet saved".
    function showKeptNotices() {
        document.querySelectorAll('[data-keep]').forEach(form => {
            const refused = form.querySelector('[data-keep-refused]');
            const rejoined = form.querySelector('[data-keep-rejoined]');
            const wasRefused = (refused !== null && !refused.hidden) || (rejoined !== null && !rejoined.hidden);
            show(form, '[data-keep-refused]', false);
            show(form, '[data-keep-rejoined]', wasRefused);
            show(form, '[data-keep-notice]', !wasRefused && read(form.dataset.keep) !== null);
            if (wasRefused) {
                form.querySelector('[data-keep-rejoined]')?.focus();
            }
        });
    }

    function setConnected(value) {
        const was = connected;
        connected = value;
        document.documentElement.toggleAttribute('data-disconnected', !value);
        if (value && !was) {
            showKeptNotices();
        }
    }

    // Fields typed in on this page, in a kept form or any other form (data-form). A field that takes its text when the
    // cursor leaves it loses the cursor to the reconnect dialog after the connection is already down, so the server never
    // hears of the text on the screen; on a rejoin each typed field hands its text over again (the same text twice is
    // harmless), so a save stores what is shown.
    const typed = new Set();
    let handingOver = false;

    function handOverTyped() {
        handingOver = true;
        try {
            for (const field of [...typed]) {
                if (!field.isConnected) {
                    typed.delete(field);
                    continue;
                }

                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));
            }
        } finally {
            handingOver = false;
        }
    }

    document.addEventListener('input', event => {
        if (handingOver || !(event.target instanceof Element) || !event.target.name || event.target.type === 'file') {
            return;
        }

        const form = event.target.closest('[data-keep]');
        if (form || event.target.closest('[data-form]')) {
            typed.add(event.target);
        }

        if (form) {
            remember(form);
        }
    }, true);

    // Capture phase on window: runs before Blazor's own handlers, which would send the press into a dead connection.
    for (const type of ['click', 'submit']) {
        window.addEventListener(type, event => {
            if (connected) {
                return;
            }

            const form = event.target instanceof Element ? event.target.closest('[data-keep]') : null;
            const pressed = event.target instanceof Element ? event.target.closest('button, input[type="submit"]') : null;
            if (form && (pressed || type === 'submit')) {
                event.preventDefault();
                event.stopImmediatePropagation();
                remember(form);
                show(form, '[data-keep-rejoined]', false);
                show(form, '[data-keep-refused]', true);
                form.querySelector('[data-keep-refused]')?.focus();
            }
        }, true);
    }

    window.addEventListener('offline', () => setConnected(false));
    window.addEventListener('online', () => setConnected(!dialogShown));

    // Signing out leaves nothing of the person's text in this browser (a shared office PC).
    window.addEventListener('submit', event => {
        if (event.target instanceof HTMLFormElement && event.target.action.endsWith('/account/logout')) {
            Object.keys(localStorage).filter(key => key.startsWith(`${prefix}${owner()}:`)).forEach(key => localStorage.removeItem(key));
        }
    }, true);

    // Old copies (two weeks) go on every page load.
    try {
        Object.keys(localStorage).filter(key => key.startsWith(prefix)).forEach(key => {
            try {
                const kept = JSON.parse(localStorage.getItem(key));
                if (typeof kept?.at !== 'number' || Date.now() - kept.at > maxAgeMs) {
                    localStorage.removeItem(key);
                }
            } catch {
                localStorage.removeItem(key);
            }
        });
    } catch {
        // no storage
    }

    const forget = name => {
        try {
            localStorage.removeItem(storageKey(name));
        } catch {
            // no storage
        }

        const form = formNamed(name);
        [...typed].filter(field => !field.isConnected || form?.contains(field)).forEach(field => typed.delete(field));
        show(form, '[data-keep-notice]', false);
        show(form, '[data-keep-refused]', false);
        show(form, '[data-keep-rejoined]', false);
    };

    window.dashboardKeep = {
        // The copy of a form's fields when it differs from what the form shows, or null: { version, fields }. A copy
        // that only repeats what the server already has is dropped.
        take: name => {
            const kept = read(name);
            const form = formNamed(name);
            if (!kept || !form) {
                return null;
            }

            const shown = fieldsOf(form);
            if (Object.entries(kept.fields).every(([field, value]) => !(field in shown) || shown[field] === value)) {
                forget(name);
                return null;
            }

            return kept;
        },
        // Whether a copy of the form is kept (a form shown only on demand, such as an editor, opens itself for it).
        has: name => read(name) !== null,
        // The form's component restored the copy: say so until it is saved.
        restored: name => show(formNamed(name), '[data-keep-notice]', true),
        // Saved: drop the copy and the notices.
        forget,
    };

    // The reconnect dialog. Blazor uses an element with this id instead of its own English overlay, adds the state
    // classes to it and reports each change with this event.
    function wireDialog() {
        const dialog = document.getElementById('components-reconnect-modal');
        if (!dialog) {
            return;
        }

        const retry = async () => {
            try {
                // true: rejoined; false: the server answered but no longer knows the circuit; throws: not reachable.
                if (!await Blazor.reconnect()) {
                    location.reload();
                }
            } catch {
                // still unreachable: Blazor's own schedule tries again
            }
        };

        dialog.addEventListener('components-reconnect-state-changed', event => {
            const state = event.detail?.state;
            if (state === 'show') {
                dialogShown = true;
                setConnected(false);
                document.querySelectorAll('[data-keep]').forEach(remember);
                if (!dialog.open) {
                    dialog.showModal();
                }
            } else if (state === 'hide') {
                dialogShown = false;
                if (dialog.open) {
                    dialog.close();
                }

                setConnected(navigator.onLine !== false);
                handOverTyped();
            } else if (state === 'rejected') {
                // The instance restarted or the person moved to another one: a fresh page, then the form restores.
                location.reload();
            } else if (state === 'failed') {
                document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && retry(), { once: true });
            }
        });
        dialog.querySelector('[data-action="reconnect-retry"]')?.addEventListener('click', retry);
        dialog.querySelector('[data-action="reconnect-reload"]')?.addEventListener('click', () => location.reload());
        dialog.addEventListener('cancel', event => event.preventDefault()); // Escape must not hide a dead page
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', wireDialog);
    } else {
        wireDialog();
    }
})();

// The idle time-out (issue 23, decision 020): a sign-in lasts SignIn:IdleMinutes without activity, but a page that runs
// on the server makes no HTTP request while someone types in it, so the sign-in cookie would lapse under them. A key
// press, click, touch or scroll marks the person active; at most once per dashboard-alive-seconds, activity since the
// last report is reported to /account/alive, which slides the cookie and the session's last activity. A page left
// alone reports nothing, and is signed out by the server's minute check once the idle time has passed.
(() => {
    let active = false;
    const mark = () => { active = true; };
    for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart']) {
        document.addEventListener(type, mark, { capture: true, passive: true });
    }

    const seconds = Number(document.querySelector('meta[name="dashboard-alive-seconds"]')?.content) || 0;
    if (seconds > 0) {
        setInterval(() => {
            if (!active || !document.querySelector('meta[name="dashboard-keep-owner"]')) {
                return;
            }

            active = false;
            fetch('/account/alive', { credentials: 'same-origin', cache: 'no-store' }).catch(() => { active = true; });
        }, seconds * 1000);
    }
})();
