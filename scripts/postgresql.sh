#!/usr/bin/env bash
# Starts a private PostgreSQL server for the tests from Debian's packages: a fresh cluster in a temporary
# folder, on a free loopback port, trusted only from loopback, stopped when the calling script exits.
# Sourced by scripts/test.sh; exports FASHEN_TEST_POSTGRESQL (the tests' connection string).

start_test_postgresql() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL's server programs are missing (Debian package postgresql)" >&2
    return 1
  fi

  PG_TEST_DIR=$(mktemp -d /tmp/fashen-postgresql-XXXXXX)
  # A port nothing answers on.
  local port
  for _ in $(seq 1 50); do
    port=$(shuf -i 20000-60000 -n 1)
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done

  # PostgreSQL refuses to run as root; the package's own user runs it then.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_TEST_DIR"
    as=(runuser -u postgres --)
  fi

  PG_TEST_CTL=("${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data")
  "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null || return 1
  "${PG_TEST_CTL[@]}" -l "$PG_TEST_DIR/server.log" -w start \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null || return 1
  trap stop_test_postgresql EXIT
  export FASHEN_TEST_POSTGRESQL="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=50"
  printf '==> PostgreSQL %s on 127.0.0.1:%s\n' "$("$bin/postgres" --version | awk '{print $3}')" "$port"
}

stop_test_postgresql() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  "${PG_TEST_CTL[@]}" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=""
}
