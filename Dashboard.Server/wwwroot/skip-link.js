// The skip link moves focus to the page's content. Blazor handles same-page #links itself and only scrolls, which
// leaves keyboard focus in the app bar; this runs first (capture phase) on every page, script-rendered or not.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const main = document.getElementById('main-content');
    if (link && main) {
        event.preventDefault();
        event.stopPropagation();
        main.focus();
        main.scrollIntoView();
    }
}, true);
