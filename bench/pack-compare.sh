#!/usr/bin/env bash
# The Excel pack's build time, this checkout against an earlier commit's pack code, side by side in one run.
# Builds both copies of bench/Dashboard.Bench in Release, then runs their pack benchmarks alternately (ROUNDS times,
# RUNS warm builds each), so both see the same machine load. Prints each run's lines; compare the medians.
#   bash bench/pack-compare.sh [BASE_COMMIT=b27fdca] [ROUNDS=2] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-b27fdca}
rounds=${2:-2}
runs=${3:-5}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/base" "$base" >/dev/null
dotnet build -c Release -v q bench/Dashboard.Bench >/dev/null
dotnet build -c Release -v q "$work/base/bench/Dashboard.Bench" >/dev/null
for round in $(seq 1 "$rounds"); do
  echo "== round $round: base $base"
  dotnet run -c Release --no-build --project "$work/base/bench/Dashboard.Bench" -- pack "$runs" | grep -E "plan:"
  echo "== round $round: this checkout ($(git rev-parse --short HEAD))"
  dotnet run -c Release --no-build --project bench/Dashboard.Bench -- pack "$runs" | grep -E "plan:"
done
