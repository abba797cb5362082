#!/usr/bin/env bash
# HTTP classification on loopback with wrk (Debian package): starts `fashen serve` (Release) on a fresh data
# folder with the sample catalogues and the per-caller budget lifted, then runs wrk against /v1/classifications.
#   bash bench/http/run.sh [DURATION] [CONNECTIONS]   (defaults: 30s, 64)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-30s}"
connections="${2:-64}"
port=5098
source bench/http/service.sh
start_service "$port"
# Warm up for 30 s, then measure: tiered compilation and dynamic PGO go on recompiling the hot path for about that
# long, and a 5 s warm-up measured ~30% fewer requests per second (docs/performance.md).
FASHEN_KEY="$key" FASHEN_DECISION=samples/decisions/scjg-food-fine.json wrk -t2 -c"$connections" -d30s -s bench/http/classify.lua "http://127.0.0.1:$port/v1/classifications" > /dev/null
FASHEN_KEY="$key" FASHEN_DECISION=samples/decisions/scjg-food-fine.json wrk -t2 -c"$connections" -d"$duration" --latency -s bench/http/classify.lua "http://127.0.0.1:$port/v1/classifications"
echo "working set of fashen serve: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
