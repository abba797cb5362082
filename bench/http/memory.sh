#!/usr/bin/env bash
# The service's memory: its working set with the sample catalogues loaded, after REVIEWS review submissions
# (wrk, bench/http/submit.lua), and every 30 s of a classification load of MINUTES minutes (wrk,
# bench/http/classify.lua), to see whether it stays flat. Prints one line per reading.
#   bash bench/http/memory.sh [REVIEWS] [MINUTES]   (defaults: 100000, 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
reviews="${1:-100000}"
minutes="${2:-10}"
port=5097
source bench/http/service.sh
start_service "$port"
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
count() { curl -s -H "X-Api-Key: $key" "http://127.0.0.1:$port/v1/reviews?pageSize=1" | grep -oE '"total":[0-9]+' | cut -d: -f2; }

echo "started, catalogues loaded: $(rss)"
# Submissions until the store holds the reviews asked for (each request one new review).
run=0
while [ "$(count)" -lt "$reviews" ]; do
  run=$((run + 1))
  FASHEN_RUN="$run" FASHEN_KEY="$key" wrk -t2 -c16 -d30s -s bench/http/submit.lua "http://127.0.0.1:$port/v1/reviews" | grep -E "Requests/sec|Non-2xx" || true
  echo "reviews: $(count), working set $(rss)"
done
echo "after $(count) reviews: $(rss)"
# Classification load, a reading every 30 s.
for i in $(seq 1 $((minutes * 2))); do
  FASHEN_KEY="$key" FASHEN_DECISION=samples/decisions/scjg-food-fine.json \
    wrk -t2 -c64 -d30s -s bench/http/classify.lua "http://127.0.0.1:$port/v1/classifications" | grep -E "Requests/sec" | tr -s ' ' | tr '\n' ' '
  echo "after $((i * 30)) s of load: $(rss)"
done
ls -l "$data/fashen.db" | awk '{print "database file: " $5 / 1048576 " MB"}'
