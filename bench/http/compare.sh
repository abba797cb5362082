#!/usr/bin/env bash
# HTTP classification side by side with the same service's authenticated no-op endpoint (GET /v1/whoami), in one run:
# one `fashen serve` (Release, sample catalogues, per-caller budget lifted), warmed up on both, then measured in turns,
# no-op then classification, ROUNDS times. The target (issue 16): classification at least 0.6 times the no-op's
# requests per second, with p99 at most twice its p99.
#   bash bench/http/compare.sh [DURATION] [CONNECTIONS] [ROUNDS]   (defaults: 20s, 64, 2)
# With FASHEN_BENCH_POSTGRESQL (a connection string) the service runs on PostgreSQL (bench/http/service.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-20s}"
connections="${2:-64}"
rounds="${3:-2}"
port=5097
source bench/http/service.sh
start_service "$port"
base="http://127.0.0.1:$port"
export FASHEN_KEY="$key" FASHEN_DECISION=samples/decisions/scjg-food-fine.json

# Warm up both paths: tiered compilation and dynamic PGO recompile the hot path for about half a minute.
wrk -t2 -c"$connections" -d30s -s bench/http/classify.lua "$base/v1/classifications" > /dev/null
wrk -t2 -c"$connections" -d10s -s bench/http/whoami.lua "$base/v1/whoami" > /dev/null

measure() {
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$1" "$2" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { p99 = $2 }
    /^ +50%/ { p50 = $2 }
    /Non-2xx/ { errors = $NF }
    END { printf "%s req/s, p50 %s, p99 %s%s\n", rps, p50, p99, errors ? ", non-2xx " errors : "" }'
}

for round in $(seq 1 "$rounds"); do
  echo "round $round  no-op (GET /v1/whoami):           $(measure bench/http/whoami.lua "$base/v1/whoami")"
  echo "round $round  classification (POST /v1/classifications): $(measure bench/http/classify.lua "$base/v1/classifications")"
done
echo "working set of fashen serve: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
