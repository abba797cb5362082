#!/usr/bin/env bash
# Sourced by the HTTP scripts: installs wrk, then starts a Release `fashen serve` on a fresh data folder with the
# sample catalogues and the per-caller request budget lifted, on the port given, stopped when the script exits.
# With FASHEN_BENCH_POSTGRESQL (a connection string) the service runs on PostgreSQL, in a schema of its own.
# Sets: server (its process id), data (its data folder), key (the scjg case system's API key).
#   start_service PORT

start_service() {
  local port="$1"
  source scripts/prerequisites.sh
  install_prerequisites
  command -v wrk >/dev/null 2>&1 || prerequisites_apt_install wrk
  data="$(mktemp -d)"
  if [ -n "${FASHEN_BENCH_POSTGRESQL:-}" ]; then
    export Fashen__Store=PostgreSql Fashen__PostgreSql="$FASHEN_BENCH_POSTGRESQL" Fashen__PostgreSqlSchema="bench_http_$$"
  fi
  dotnet build cli -c Release -v q -nologo >/dev/null
  Fashen__RequestBurst=100000000 Fashen__RequestsPerSecond=100000000 Logging__LogLevel__Default=Warning \
    dotnet cli/bin/Release/net10.0/fashen.dll serve --data "$data" --urls "http://127.0.0.1:$port" > "$data/serve.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  key="$(grep -oE '^\s+scjg\s+fsk_[A-Za-z0-9_-]+' "$data/demo-credentials.txt" | awk '{print $2}')"
}
