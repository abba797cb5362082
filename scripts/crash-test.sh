#!/usr/bin/env bash
# Kills `fashen serve` with SIGKILL again and again in the middle of a load of submissions, classifications and
# issuances, and checks after each kill that every acknowledged submission and permit is there, that every
# classification answered more than a second before the kill is recorded, that a retried submission completes
# exactly once, and that the record chain verifies (tests/Fashen.Cli.Tests/CrashRecoveryTests.cs). Bounded: each cycle takes
# a few seconds. The test command runs it with 4 cycles; this script runs more.
#   bash scripts/crash-test.sh [CYCLES]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
install_prerequisites
FASHEN_CRASH_CYCLES="${1:-20}" dotnet test tests/Fashen.Cli.Tests -c Release --filter "FullyQualifiedName~CrashRecoveryTests" --logger "console;verbosity=normal"
