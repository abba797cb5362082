#!/usr/bin/env bash
# Runs every test of Fashen on a fresh machine: installs what is missing, builds, tests, and ends
# with the line "N passed, N failed". This is the README's test command; .ci/run calls it.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '==> %s\n' "$*"; }

source scripts/prerequisites.sh
install_prerequisites || exit 1

# The review pages are tested in Debian's Chromium, and a CJK font makes Chinese render in screenshots.
command -v chromium >/dev/null 2>&1 || prerequisites_apt_install chromium || exit 1
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || prerequisites_apt_install fonts-wqy-zenhei || exit 1

# The shared store is tested on a real PostgreSQL server from Debian's packages, started here on loopback.
[ -n "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)" ] || prerequisites_apt_install postgresql || exit 1
source scripts/postgresql.sh
start_test_postgresql || exit 1

log "restoring the ANTLR tool and the OpenAPI linter"
(cd tools/antlr && npm ci --no-audit --no-fund --loglevel=error) || exit 1
(cd tools/redocly && npm ci --no-audit --no-fund --loglevel=error) || exit 1

log "building (Release)"
dotnet build Fashen.slnx -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1

log "testing"
log_file=$(mktemp)
dotnet test Fashen.slnx -c Release --no-build -nologo 2>&1 | tee "$log_file"
rc=${PIPESTATUS[0]}

# The same integration suite again, every service on PostgreSQL instead of the LiteDB file.
log "testing the API on PostgreSQL"
FASHEN_TEST_STORE=postgresql dotnet test tests/Fashen.Api.Tests -c Release --no-build -nologo 2>&1 | tee -a "$log_file"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1

# dotnet test prints one summary per test project; add them up into the line CI reads.
awk '/^(Passed|Failed)!  - Failed:/ { gsub(/,/, ""); f += $4; p += $6; s += $8; n++ }
     END { if (n == 0) { print "no test summary found"; exit 1 }
           if (s > 0) printf "%d skipped\n", s
           printf "%d passed, %d failed\n", p, f }' "$log_file" || rc=1
rm -f "$log_file"
exit "$rc"
