// Time to input on the first visit (issue 10): for each page, a fresh Chromium profile (nothing cached), the session
// cookie, then the time from navigation start until the page takes input (the layout says data-interactive="true"
// and the "getting ready" notice is gone), and for the KPI detail until its chart is drawn. The reference is the
// server-rendered overview's first contentful paint, measured in the same run, round-robin with the other pages.
// Usage: node ready.mjs BASE COOKIE RUNS page1 page2 ...
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const [base, cookie, runsArg, ...pages] = process.argv.slice(2);
const runs = Number(runsArg);
const cookies = cookie.split(";").map(c => c.trim()).filter(Boolean).map(c => {
  const i = c.indexOf("=");
  return { name: c.slice(0, i), value: c.slice(i + 1), url: base };
});
const median = a => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };

async function visit(url) {
  const profile = mkdtempSync(join(tmpdir(), "ready-"));
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless: true, userDataDir: profile,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    await page.setCookie(...cookies);
    await page.goto(base + url, { waitUntil: "domcontentloaded", timeout: 60000 });
    const fcp = await page.evaluate(() => new Promise(resolve => {
      new PerformanceObserver(list => {
        const e = list.getEntriesByName("first-contentful-paint")[0];
        if (e) resolve(e.startTime);
      }).observe({ type: "paint", buffered: true });
    }));
    const interactive = url.startsWith("/dashboard") && !url.startsWith("/dashboard/kpis") && !url.startsWith("/dashboard/departments")
      ? null
      : await page.waitForFunction(
          () => document.querySelector("[data-interactive='true']") && !document.querySelector("[data-not-ready]") ? performance.now() : false,
          { polling: "raf", timeout: 60000 }).then(h => h.jsonValue());
    const chart = url.startsWith("/dashboard/kpis")
      ? await page.waitForFunction(() => document.querySelector(".apexcharts-svg") ? performance.now() : false, { polling: "raf", timeout: 60000 }).then(h => h.jsonValue())
      : null;
    const bytes = await page.evaluate(() => performance.getEntriesByType("resource").reduce((n, r) => n + (r.transferSize || 0), 0)
      + (performance.getEntriesByType("navigation")[0]?.transferSize || 0));
    return { fcp, interactive, chart, bytes };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const results = Object.fromEntries(pages.map(p => [p, []]));
for (let i = 0; i < runs; i++) {
  for (const p of pages) results[p].push(await visit(p));
}

const reference = median(results[pages[0]].map(r => r.fcp));
console.log(`reference: ${pages[0]} first contentful paint, median of ${runs}: ${reference.toFixed(0)} ms`);
console.log("page | shows (FCP) | takes input | chart drawn | input / reference | bytes (KB, median)");
for (const p of pages) {
  const r = results[p];
  const input = r[0].interactive === null ? null : median(r.map(x => x.interactive));
  const chart = r[0].chart === null ? null : median(r.map(x => x.chart));
  const ready = chart ?? input;
  console.log([p, median(r.map(x => x.fcp)).toFixed(0) + " ms",
    input === null ? "-" : `${input.toFixed(0)} ms (${r.map(x => x.interactive.toFixed(0)).join(", ")})`,
    chart === null ? "-" : `${chart.toFixed(0)} ms`,
    ready === null ? "-" : `${(ready / reference).toFixed(2)}x`,
    (median(r.map(x => x.bytes)) / 1024).toFixed(0)].join(" | "));
}
