// Our thin layer over ApexCharts 4.7.0 (MIT), loaded as an ES module from wwwroot/lib. Chart instances live in this
// module's Map, keyed by the component's id: no globals, no eval, so the strict Content-Security-Policy holds.
import ApexCharts from "../lib/apexcharts/apexcharts.esm.js";

const charts = new Map();

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

export async function create(id, element, json) {
    destroy(id);
    const chart = new ApexCharts(element, withFormatters(json));
    charts.set(id, chart);
    await chart.render();
}

// Updates series, colours and theme in place: the SVG is redrawn, the instance is kept.
export async function update(id, json) {
    const chart = charts.get(id);
    if (!chart) return;
    await chart.updateOptions(withFormatters(json), true, false, false);
}

export function destroy(id) {
    const chart = charts.get(id);
    if (chart) {
        chart.destroy();
        charts.delete(id);
    }
}
