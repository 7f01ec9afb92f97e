#!/usr/bin/env bash
# Time to input on the first visit, per render mode (issue 10, decision record 011). Publishes Release once, then for
# each mode in MODES starts the published server on loopback with the sample figures, signs in as the admin (who may
# open every page) and runs ready.mjs: RUNS fresh-profile visits of every interactive page, round-robin with the
# server-rendered overview, whose first contentful paint is the reference of that same run.
# Usage: RUNS=5 MODES="WebAssembly Server Auto" bench/page-budget/ready.sh
set -euo pipefail
cd "$(dirname "$0")"
RUNS="${RUNS:-5}"
MODES="${MODES:-WebAssembly Server Auto}"
PORT="${PORT:-5092}"
BASE="http://127.0.0.1:$PORT"
PAGES=(/dashboard /entries/I01-K1/2025/4 /entries "/dashboard/kpis/I01-K1?fy=2025&q=4" /dashboard/departments /review /admin
  /exports /entries/excel /publishing /initiatives/2/assessment/2025 /)
command -v chromium >/dev/null || { echo "needs Debian chromium: sudo apt-get install -y chromium" >&2; exit 1; }

npm ci --ignore-scripts --no-audit --no-fund >/dev/null
mkdir -p out
rm -rf out/publish out/ready.db*
dotnet publish ../../Dashboard.Server -c Release -o out/publish -v q -nologo >/dev/null

for MODE in $MODES; do
  rm -f out/ready.db*
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" ConnectionStrings__Dashboard="Data Source=$PWD/out/ready.db" \
    dotnet out/publish/Dashboard.Server.dll --Seed:LoadSampleFigures=true --Seed:Folder="$(cd ../.. && pwd)/seed-data" \
    --Interactivity:RenderMode="$MODE" --contentRoot "$PWD/out/publish" >"out/ready-$MODE.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -sf "$BASE/account/login" >/dev/null && break; sleep 1; done

  JAR=out/ready-cookies.txt
  rm -f "$JAR"
  TOKEN=$(curl -s -c "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/account/signin" \
    --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "login=ito@demo.local" --data-urlencode "returnUrl=/"
  COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$JAR")

  echo "== render mode: $MODE"
  node ready.mjs "$BASE" "$COOKIE" "$RUNS" "${PAGES[@]}"
  kill $SERVER; wait $SERVER 2>/dev/null || true
done
