// Our thin layer over ApexCharts 4.7.0 (MIT), loaded as an ES module from wwwroot/lib. Chart instances live in this
// module's Map, keyed by the component's id: no globals, no eval, so the strict Content-Security-Policy holds.
import ApexCharts from "../lib/apexcharts/apexcharts.esm.js";

const charts = new Map();
const hosts = new Map();

function withFormatters(json) {
    const options = JSON.parse(json);
    const shortLabels = options.xaxis.shortLabels;
    delete options.xaxis.shortLabels;
    const valueFormat = options.valueFormat;
    delete options.valueFormat;

    for (const series of options.series) {
        series.data = series.data.map(p => {
            const point = { x: p.x, y: p.range ?? (p.y ?? null) };
            if (p.fillColor) point.fillColor = p.fillColor;
            return point;
        });
    }

    if (valueFormat) {
        const number = new Intl.NumberFormat(valueFormat.locale, {
            minimumFractionDigits: valueFormat.decimals,
            maximumFractionDigits: valueFormat.decimals,
        });
        const format = v => (v === null || v === undefined || Number.isNaN(v)) ? "—" : number.format(v) + valueFormat.unit;
        for (const axis of options.yaxis ?? []) {
            axis.labels = { formatter: format };
        }
        options.tooltip = { ...(options.tooltip ?? {}), y: { formatter: format } };
        options.dataLabels = { ...(options.dataLabels ?? {}), formatter: format };
    }

    if (shortLabels) {
        // Categories carry the full 令和 label for the tooltip and CSV; the axis draws the short one.
        const categories = options.series[0]?.data.map(p => p.x) ?? [];
        const short = new Map(categories.map((c, i) => [c, shortLabels[i]]));
        options.xaxis.labels = { formatter: v => short.get(v) ?? v, rotate: 0, hideOverlappingLabels: true };
        options.tooltip = { ...(options.tooltip ?? {}), x: { formatter: (v, o) => categories[o?.dataPointIndex] ?? v } };
    }

    if (options.noData) {
        options.noData = { text: options.noData };
    }

    return options;
}

// ApexCharts draws its download menu as plain divs: make it a button and menu items a keyboard reaches (Enter/Space
// opens it, Escape closes it), and keep the drawing itself out of the accessibility tree (the figure is labelled and the
// figures are in the table under the chart; the SVG's own text would be read as stray words).
function keyboardFriendly(element) {
    element.querySelector("svg.apexcharts-svg")?.setAttribute("aria-hidden", "true");
    const icon = element.querySelector(".apexcharts-menu-icon");
    const menu = element.querySelector(".apexcharts-menu");
    if (!icon || !menu || icon.dataset.keyboard === "on") return;
    icon.dataset.keyboard = "on";
    icon.setAttribute("role", "button");
    icon.setAttribute("tabindex", "0");
    icon.setAttribute("aria-label", icon.getAttribute("title") || "Menu");
    icon.setAttribute("aria-haspopup", "menu");
    icon.setAttribute("aria-expanded", "false");
    menu.setAttribute("role", "menu");
    const items = [...menu.querySelectorAll(".apexcharts-menu-item")];
    for (const item of items) {
        item.setAttribute("role", "menuitem");
        item.setAttribute("tabindex", "-1");
    }
    const isOpen = () => menu.classList.contains("apexcharts-menu-open");
    const sync = () => icon.setAttribute("aria-expanded", isOpen() ? "true" : "false");
    new MutationObserver(sync).observe(menu, { attributes: true, attributeFilter: ["class"] });
    icon.addEventListener("keydown", e => {
        if (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") {
            e.preventDefault();
            if (!isOpen()) icon.click();
            sync();
            items[0]?.focus();
        }
    });
    menu.addEventListener("keydown", e => {
        const at = items.indexOf(document.activeElement);
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
        } else if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            document.activeElement?.click();
            sync();
            icon.focus();
        } else if (e.key === "Escape" || e.key === "Tab") {
            if (isOpen()) icon.click();
            sync();
            if (e.key === "Escape") { e.preventDefault(); icon.focus(); }
        }
    });
}

export async function create(id, element, json) {
    destroy(id);
    const chart = new ApexCharts(element, withFormatters(json));
    charts.set(id, chart);
    hosts.set(id, element);
    await chart.render();
    keyboardFriendly(element);
}

// Updates series, colours and theme in place: the SVG is redrawn, the instance is kept.
export async function update(id, json) {
    const chart = charts.get(id);
    if (!chart) return;
    await chart.updateOptions(withFormatters(json), true, false, false);
    const host = hosts.get(id);
    if (host) keyboardFriendly(host);
}

export function destroy(id) {
    const chart = charts.get(id);
    if (chart) {
        chart.destroy();
        charts.delete(id);
        hosts.delete(id);
    }
}
