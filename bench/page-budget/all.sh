#!/usr/bin/env bash
# Every page against the stock template (issue 10): Lighthouse 12.2.3 (desktop preset, --throttling-method=provided,
# Debian Chromium, a fresh profile each run) on the stock `dotnet new blazor --interactivity WebAssembly` /counter
# page and on each of our pages, round-robin in the same run. Prints each page's median transfer and Total Blocking
# Time and their ratio to the stock page's. Our app runs published (Release) with the sample figures, signed in as the
# admin, who may open every page; it runs in the render mode given by MODE (default: the app's default).
# Usage: RUNS=3 bench/page-budget/all.sh
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${RUNS:-3}"
PORT="${PORT:-5091}"
STOCK_PORT="${STOCK_PORT:-5095}"
BASE="http://127.0.0.1:$PORT"
STOCK="http://127.0.0.1:$STOCK_PORT"
PAGES=(/dashboard /dashboard/heatmap "/dashboard/kpis/I01-K1?fy=2025&q=4" /dashboard/departments /entries /entries/I01-K1/2025/4
  /review /admin /exports /entries/excel /publishing /initiatives/2/assessment/2025 / /public /account/login)
# ONLY="/dashboard /entries" measures just those pages (with the stock page, as always).
if [ -n "${ONLY:-}" ]; then read -ra PAGES <<<"$ONLY"; fi
command -v chromium >/dev/null || { echo "needs Debian chromium: apt-get install -y chromium" >&2; exit 1; }

npm ci --ignore-scripts --no-audit --no-fund >/dev/null
rm -rf out/all && mkdir -p out/all
dotnet publish ../../Dashboard.Server -c Release -o out/all/publish -v q -nologo >/dev/null
# The stock app is created outside the repository, away from our Directory.Build.props and central package versions.
STOCK_SRC=$(mktemp -d)
(cd "$STOCK_SRC" && dotnet new blazor --interactivity WebAssembly -o stock -n Stock >/dev/null && dotnet publish stock/Stock -c Release -o "$OLDPWD/out/all/stock-publish" -v q -nologo >/dev/null)
rm -rf "$STOCK_SRC"

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" ConnectionStrings__Dashboard="Data Source=$PWD/out/all/budget.db" \
  dotnet out/all/publish/Dashboard.Server.dll --Seed:LoadSampleFigures=true --Seed:Folder="$(cd ../.. && pwd)/seed-data" \
  ${MODE:+--Interactivity:RenderMode=$MODE} --contentRoot "$PWD/out/all/publish" >out/all/server.log 2>&1 &
SERVER=$!
ASPNETCORE_URLS="$STOCK" dotnet out/all/stock-publish/Stock.dll --contentRoot "$PWD/out/all/stock-publish" >out/all/stock.log 2>&1 &
STOCK_SERVER=$!
trap 'kill $SERVER $STOCK_SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/account/login" >/dev/null && curl -sf "$STOCK/counter" >/dev/null && break; sleep 1; done

# /public needs a published quarter.
sqlite3 out/all/budget.db "INSERT OR IGNORE INTO ClosedQuarters (PlanId, FiscalYear, Quarter, ClosedUtc, ClosedBy) SELECT Id, 2025, 3, datetime('now'), 'bench' FROM Plans WHERE IsCurrent = 1;
  INSERT OR IGNORE INTO PublishedQuarters (PlanId, FiscalYear, Quarter, PublishedUtc, PublishedBy) SELECT Id, 2025, 3, datetime('now'), 'bench' FROM Plans WHERE IsCurrent = 1;"

JAR=out/all/cookies.txt
TOKEN=$(curl -s -c "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/account/signin" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "login=ito@demo.local" --data-urlencode "returnUrl=/"
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$JAR")

lh() { # url output [cookie]; Lighthouse now and then fails to record a trace (NO_NAVSTART): try up to three times
  for _ in 1 2 3; do lh_once "$@" && return 0; done
  return 1
}
lh_once() {
  npx lighthouse "$1" --preset=desktop --throttling-method=provided --only-categories=performance \
    --chrome-path=/usr/bin/chromium --chrome-flags="--headless=new --no-sandbox" \
    ${3:+--extra-headers="{\"Cookie\":\"$3\"}"} --output=json --output-path="$2" --quiet
}
for i in $(seq 1 "$RUNS"); do
  lh "$STOCK/counter" "out/all/stock-$i.json"
  n=0
  for page in "${PAGES[@]}"; do
    n=$((n + 1))
    if [ "$page" = /account/login ] || [ "$page" = /public ]; then lh "$BASE$page" "out/all/page$n-$i.json"; else lh "$BASE$page" "out/all/page$n-$i.json" "$COOKIE"; fi
  done
done

node -e '
const fs = require("fs");
const pages = process.argv.slice(1);
const read = prefix => fs.readdirSync("out/all").filter(f => f.startsWith(prefix + "-") && f.endsWith(".json")).map(f => JSON.parse(fs.readFileSync("out/all/" + f)));
const median = a => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const sum = runs => ({ bytes: median(runs.map(r => r.audits["total-byte-weight"].numericValue)), tbt: median(runs.map(r => r.audits["total-blocking-time"].numericValue)),
  tbts: runs.map(r => r.audits["total-blocking-time"].numericValue.toFixed(0)).join("/"), score: median(runs.map(r => r.categories.performance.score * 100)),
  lcp: median(runs.map(r => r.audits["largest-contentful-paint"].numericValue)), lcps: runs.map(r => r.audits["largest-contentful-paint"].numericValue.toFixed(0)).join("/"),
  url: runs[0].finalDisplayedUrl ?? runs[0].finalUrl });
const stock = sum(read("stock"));
console.log(`stock /counter: ${(stock.bytes / 1e6).toFixed(2)} MB, TBT ${stock.tbt.toFixed(0)} ms (runs ${stock.tbts}), LCP ${stock.lcp.toFixed(0)} ms (runs ${stock.lcps}), score ${stock.score}`);
console.log("| page | transfer | x stock | TBT (runs) | x stock | LCP (runs) | x stock | score | final URL |");
console.log("|---|---|---|---|---|---|---|---|---|");
pages.forEach((p, i) => {
  const s = sum(read("page" + (i + 1)));
  console.log(`| ${p} | ${(s.bytes / 1e6).toFixed(2)} MB | ${(s.bytes / stock.bytes).toFixed(2)} | ${s.tbt.toFixed(0)} ms (${s.tbts}) | ${stock.tbt > 0 ? (s.tbt / stock.tbt).toFixed(2) : "-"} | ${s.lcp.toFixed(0)} ms (${s.lcps}) | ${(s.lcp / stock.lcp).toFixed(2)} | ${s.score} | ${s.url.replace(/^https?:\/\/[^/]+/, "")} |`);
});
' "${PAGES[@]}"
