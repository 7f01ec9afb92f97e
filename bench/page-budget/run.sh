#!/usr/bin/env bash
# Page budget of the overview (issue 5): publish Release, start it on loopback with the sample figures, sign in as the
# committee member, and run Lighthouse 12.2.3 five times (desktop preset, --throttling-method=provided, Debian
# Chromium). Prints the median total transfer and Total Blocking Time; results in out/. Budget: <= 3.0 MB, TBT <= 900 ms.
set -euo pipefail
cd "$(dirname "$0")"
PAGE="${1:-/dashboard}"
RUNS="${RUNS:-5}"
PORT="${PORT:-5091}"
BASE="http://127.0.0.1:$PORT"
command -v chromium >/dev/null || { echo "needs Debian chromium: sudo apt-get install -y chromium" >&2; exit 1; }

npm ci --ignore-scripts --no-audit --no-fund >/dev/null
rm -rf out && mkdir -p out
dotnet publish ../../Dashboard.Server -c Release -o out/publish -v q -nologo >/dev/null

# Local demo sign-in exists only in Development; the build is still the published Release output.
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" \
ConnectionStrings__Dashboard="Data Source=$PWD/out/budget.db" \
  dotnet out/publish/Dashboard.Server.dll --Seed:LoadSampleFigures=true --Seed:Folder="$(cd ../.. && pwd)/seed-data" \
  --contentRoot "$PWD/out/publish" >out/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/account/login" >/dev/null && break; kill -0 $SERVER 2>/dev/null || { tail -3 out/server.log >&2; exit 1; }; sleep 1; done

# PUBLISH="2025 4": close and publish that quarter straight in the database, so /public has figures to show.
if [ -n "${PUBLISH:-}" ]; then
  read -r FY Q <<<"$PUBLISH"
  sqlite3 out/budget.db "INSERT OR IGNORE INTO ClosedQuarters (PlanId, FiscalYear, Quarter, ClosedUtc, ClosedBy) SELECT Id, $FY, $Q, datetime('now'), 'bench' FROM Plans WHERE IsCurrent = 1;
    INSERT OR IGNORE INTO PublishedQuarters (PlanId, FiscalYear, Quarter, PublishedUtc, PublishedBy) SELECT Id, $FY, $Q, datetime('now'), 'bench' FROM Plans WHERE IsCurrent = 1;"
fi

JAR=out/cookies.txt
TOKEN=$(curl -s -c "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
[ -n "$TOKEN" ] || { echo "no antiforgery token on the sign-in page" >&2; exit 1; }
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/account/signin" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "login=suzuki@demo.local" --data-urlencode "returnUrl=$PAGE"
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$JAR")
curl -sf -H "Cookie: $COOKIE" "$BASE$PAGE" -o /dev/null || { echo "sign-in failed" >&2; exit 1; }

for i in $(seq 1 "$RUNS"); do
  npx lighthouse "$BASE$PAGE" --preset=desktop --throttling-method=provided --only-categories=performance \
    --chrome-path=/usr/bin/chromium --chrome-flags="--headless=new --no-sandbox" \
    --extra-headers="{\"Cookie\":\"$COOKIE\"}" --output=json --output-path="out/run-$i.json" --quiet
done

node -e '
const fs = require("fs");
const runs = fs.readdirSync("out").filter(f => /^run-\d+\.json$/.test(f)).map(f => JSON.parse(fs.readFileSync("out/" + f)));
const median = a => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const bytes = runs.map(r => r.audits["total-byte-weight"].numericValue);
const tbt = runs.map(r => r.audits["total-blocking-time"].numericValue);
const lcp = runs.map(r => r.audits["largest-contentful-paint"].numericValue);
const score = runs.map(r => r.categories.performance.score * 100);
console.log(`page ${process.argv[1]}  runs ${runs.length}  lighthouse ${runs[0].lighthouseVersion}`);
console.log(`transfer median ${(median(bytes) / 1e6).toFixed(2)} MB (runs: ${bytes.map(b => (b / 1e6).toFixed(2)).join(", ")})`);
console.log(`TBT median ${median(tbt).toFixed(0)} ms (runs: ${tbt.map(t => t.toFixed(0)).join(", ")})`);
console.log(`LCP median ${median(lcp).toFixed(0)} ms; performance score median ${median(score).toFixed(0)}`);
const big = runs[0].audits["network-requests"].details.items.sort((a, b) => b.transferSize - a.transferSize).slice(0, 8);
for (const r of big) console.log(`  ${(r.transferSize / 1024).toFixed(1).padStart(8)} KB  ${r.url.replace(/^https?:\/\/[^/]+/, "")}`);
' "$PAGE"
