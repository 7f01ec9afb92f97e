#!/usr/bin/env bash
# The dashboard API under load (issue 10): wrk at 64 connections against the published Release server on loopback,
# signed in as the committee member, the same cookie on every URL.
# Rounds alternate static file, overview and heatmap APIs and the server-rendered overview page; the ratios are
# against the static file without the cookie in the same round (what a static file costs with no sign-in at all).
# Usage: bench/api-load/run.sh            (ROUNDS=3 DURATION=10s CONNECTIONS=64 STATIC=/app.css; CACHE=false: no view cache;
#                                          PATHS="/app.css /api/me": these addresses instead; SKIP_PUBLISH=1: reuse out/publish)
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
STATIC="${STATIC:-/app.css}"
PORT="${PORT:-5094}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${SKIP_PUBLISH:-}" ]; then rm -rf out; fi
mkdir -p out && rm -f out/load.db*
[ -n "${SKIP_PUBLISH:-}" ] || dotnet publish ../../Dashboard.Server -c Release -o out/publish -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$BASE" ConnectionStrings__Dashboard="Data Source=$PWD/out/load.db" \
  dotnet out/publish/Dashboard.Server.dll --Seed:LoadSampleFigures=true --Seed:Folder="$(cd ../.. && pwd)/seed-data" \
  --Logging:LogLevel:Default=Warning ${CACHE:+--Dashboards:ViewCache=$CACHE} --contentRoot "$PWD/out/publish" >out/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE/account/login" >/dev/null && break; sleep 1; done

JAR=out/cookies.txt
TOKEN=$(curl -s -c "$JAR" "$BASE/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/account/signin" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "login=suzuki@demo.local" --data-urlencode "returnUrl=/"
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$JAR")

# PATHS="/api/me /dashboard" measures other addresses (with the cookie) instead.
read -r -a URLS <<<"${PATHS:-$STATIC /api/dashboard/overview?fy=2025&q=4 /api/dashboard/heatmap /dashboard?fy=2025&q=4}"
for url in "${URLS[@]}"; do
  read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "Cookie: $COOKIE" "$BASE$url")
  [ "$code" = 200 ] || { echo "$url answered $code" >&2; exit 1; }
  echo "$url: $bytes bytes"
  wrk -t2 -c"$CONNECTIONS" -d3s -H "Cookie: $COOKIE" "$BASE$url" >/dev/null # warm-up
done

wrk -t2 -c"$CONNECTIONS" -d3s "$BASE$STATIC" >/dev/null # warm-up without the cookie

# p99 in ms from wrk's --latency distribution.
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}' <<<"$1"; }
printf "%-6s %-40s %10s %9s %12s %8s\n" round url "req/s" "p99 ms" "req/s ratio" "p99 x"
for round in $(seq 1 "$ROUNDS"); do
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$STATIC" >out/wrk.txt
  base_rps=$(awk '/^Requests\/sec/ {print $2}' out/wrk.txt); base_p99=$(ms "$(awk '$1=="99%" {print $2}' out/wrk.txt)")
  printf "%-6s %-40s %10s %9s %12s %8s\n" "$round" "$STATIC (no cookie)" "$base_rps" "$base_p99" "100%" "1.00x"
  for url in "${URLS[@]}"; do
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$BASE$url" >out/wrk.txt
    rps=$(awk '/^Requests\/sec/ {print $2}' out/wrk.txt)
    p99=$(ms "$(awk '$1=="99%" {print $2}' out/wrk.txt)")
    errors=$(awk '/Non-2xx|Socket errors/' out/wrk.txt)
    printf "%-6s %-40s %10s %9s %12s %8s %s\n" "$round" "$url" "$rps" "$p99" \
      "$(awk -v a="$rps" -v b="$base_rps" 'BEGIN{printf "%.0f%%", 100*a/b}')" \
      "$(awk -v a="$p99" -v b="$base_p99" 'BEGIN{printf "%.2fx", a/b}')" "$errors"
  done
done
