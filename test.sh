#!/usr/bin/env bash
# Runs every test: KPI rules, server over real SQLite files, bUnit components, and Playwright in real Chromium.
# Installs Debian's Chromium, LibreOffice Calc, Noto CJK fonts, poppler and the OpenLDAP server first when missing (the
# browser tests drive /usr/bin/chromium; nothing is downloaded by Playwright itself).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests drive: Chromium for the browser tests; LibreOffice, the Noto CJK fonts and poppler to
# print the Excel pack to PDF and measure it. Installed only when missing; nothing is downloaded by the tests.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# (grep reads the whole list: with -q it stops at the first match, fc-list dies of SIGPIPE, and under pipefail the
# fonts looked missing now and then.)
[ "$(fc-list 2>/dev/null | grep -ci "Noto Sans CJK")" -gt 0 ] || missing+=(fonts-noto-cjk)
# The directory sign-in tests start their own slapd with a throw-away tree and certificates made by openssl.
[ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The README's figures API sample script is run with curl.
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
browser_log=$(mktemp)
set +e
# Build once, then run the browser tests (the longest, mostly waiting on Chromium and their own servers) beside the
# other three projects instead of after them: the whole run takes the browser tests' time, not the sum.
dotnet build Dashboard.sln -nologo -v q 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  dotnet test tests/Dashboard.E2E --no-build "$@" >"$browser_log" 2>&1 &
  browser=$!
  for project in tests/Dashboard.Shared.Tests tests/Dashboard.Client.Tests tests/Dashboard.Server.Tests; do
    dotnet test "$project" --no-build "$@" 2>&1 | tee -a "$log"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  done
  wait "$browser" || status=1
  cat "$browser_log" | tee -a "$log"
fi
rm -f "$browser_log"
set -e

# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
