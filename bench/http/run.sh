#!/usr/bin/env bash
# HTTP classification on loopback with wrk (Debian package): starts `fashen serve` (Release) on a fresh data
# folder with the sample catalogues and the per-caller budget lifted, then runs wrk against /v1/classifications.
#   bash bench/http/run.sh [DURATION] [CONNECTIONS]   (defaults: 30s, 64)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/prerequisites.sh
install_prerequisites
command -v wrk >/dev/null 2>&1 || prerequisites_apt_install wrk
duration="${1:-30s}"
connections="${2:-64}"
data="$(mktemp -d)"
port=5098
dotnet build cli -c Release -v q -nologo >/dev/null
Fashen__RequestBurst=100000000 Fashen__RequestsPerSecond=100000000 Logging__LogLevel__Default=Warning \
  dotnet cli/bin/Release/net10.0/fashen.dll serve --data "$data" --urls "http://127.0.0.1:$port" > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
key="$(grep -oE '^\s+scjg\s+fsk_[A-Za-z0-9_-]+' "$data/demo-credentials.txt" | awk '{print $2}')"
# Warm up, then measure.
FASHEN_KEY="$key" FASHEN_DECISION=samples/decisions/scjg-food-fine.json wrk -t2 -c"$connections" -d5s -s bench/http/classify.lua "http://127.0.0.1:$port/v1/classifications" > /dev/null
FASHEN_KEY="$key" FASHEN_DECISION=samples/decisions/scjg-food-fine.json wrk -t2 -c"$connections" -d"$duration" --latency -s bench/http/classify.lua "http://127.0.0.1:$port/v1/classifications"
echo "working set of fashen serve: $(awk '/VmRSS/ {print $2, $3}' /proc/$server/status)"
