// Keyboard help that must work on every page, script-rendered or not (the overview and heatmap are server-rendered).

// The skip link moves focus to the page's content. Blazor handles same-page #links itself and only scrolls, which
// leaves keyboard focus in the app bar; this runs first (capture phase).
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

// The heatmap is a grid: one Tab stop, arrow keys between cells, Home/End along a row, Ctrl+Home/End to the corners
// (WAI-ARIA grid pattern). Without this script every cell stays a plain link in the Tab order.
function heatmapCells(table) {
    return [...table.tBodies[0].rows].map(row => [...row.querySelectorAll('a.cell-link')]);
}

function initHeatmap() {
    const table = document.querySelector('table.heatmap');
    if (!table || table.dataset.grid === 'on') return;
    const cells = heatmapCells(table);
    if (cells.length === 0 || cells[0].length === 0) return;
    table.dataset.grid = 'on';
    table.setAttribute('role', 'grid');
    cells.flat().forEach(a => a.setAttribute('tabindex', '-1'));
    // Start on the newest quarter of the first row: the view opens on the chosen quarter.
    cells[0][cells[0].length - 1].setAttribute('tabindex', '0');
    const hint = document.querySelector('[data-heatmap-hint]');
    if (hint) hint.hidden = false;
}

document.addEventListener('keydown', event => {
    const link = event.target instanceof Element ? event.target.closest('table.heatmap[data-grid="on"] a.cell-link') : null;
    if (!link) return;
    const cells = heatmapCells(link.closest('table'));
    const r = cells.findIndex(row => row.includes(link));
    const c = cells[r].indexOf(link);
    const last = cells.length - 1;
    let [nr, nc] = [r, c];
    switch (event.key) {
        case 'ArrowRight': nc = Math.min(c + 1, cells[r].length - 1); break;
        case 'ArrowLeft': nc = Math.max(c - 1, 0); break;
        case 'ArrowDown': nr = Math.min(r + 1, last); break;
        case 'ArrowUp': nr = Math.max(r - 1, 0); break;
        case 'Home': nc = 0; if (event.ctrlKey) nr = 0; break;
        case 'End': nc = cells[r].length - 1; if (event.ctrlKey) nr = last; break;
        default: return;
    }
    event.preventDefault();
    const next = cells[nr][Math.min(nc, cells[nr].length - 1)];
    link.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
});

document.addEventListener('DOMContentLoaded', initHeatmap);
if (document.readyState !== 'loading') initHeatmap();
// Blazor's enhanced navigation swaps the page without a load event.
new MutationObserver(initHeatmap).observe(document.documentElement, { childList: true, subtree: true });

// The app bar's disclosures (the bell, the person menu): Escape closes the open one and puts focus back on its
// summary; when focus leaves a panel (Tab past its last item, or a click elsewhere) it closes, so it never covers the
// page behind the next focused control. Without script they still open and close with Enter/Space.
const disclosures = 'details.bell, details.user-menu';
document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') return;
    const open = event.target instanceof Element ? event.target.closest(disclosures) : null;
    if (!open || !open.open) return;
    event.preventDefault();
    open.open = false;
    open.querySelector('summary')?.focus();
});

document.addEventListener('focusout', event => {
    const open = event.target instanceof Element ? event.target.closest(disclosures) : null;
    if (!open || !open.open) return;
    // A click on the panel's plain text moves focus nowhere (relatedTarget null): only a move elsewhere closes it.
    const next = event.relatedTarget;
    if (next instanceof Node && !open.contains(next)) open.open = false;
});

document.addEventListener('click', event => {
    document.querySelectorAll('details.bell[open], details.user-menu[open]').forEach(open => {
        if (!(event.target instanceof Node && open.contains(event.target))) open.open = false;
    });
});
