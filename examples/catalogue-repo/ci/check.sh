#!/usr/bin/env bash
# 目录清单仓库的 CI 检查：每次修改都运行 lint、fmt --check、test 和 diff。
# Checks a catalogue repository on every change: lint, canonical form, tests with coverage, and the
# impact of the change on past decisions against the base branch. Exit code is non-zero on any failure.
#
#   FASHEN        how to run fashen (default: fashen; e.g. "dotnet /opt/fashen/fashen.dll")
#   CATALOGUES    the catalogue folder (default: catalogues)
#   DECISIONS     past decisions, JSON lines, for the impact report (default: decisions/past-decisions.jsonl)
#   BASE          the revision the change is compared with (default: origin/main)
#   MIN_COVERAGE  rules that test cases must match, in percent (default: 100)
set -euo pipefail

FASHEN=${FASHEN:-fashen}
CATALOGUES=${CATALOGUES:-catalogues}
DECISIONS=${DECISIONS:-decisions/past-decisions.jsonl}
BASE=${BASE:-origin/main}
MIN_COVERAGE=${MIN_COVERAGE:-100}
read -r -a fashen <<< "$FASHEN"

echo "== 1/4 检查目录清单（lint）"
"${fashen[@]}" lint "$CATALOGUES"

echo "== 2/4 检查条件写法（fmt --check）"
"${fashen[@]}" fmt --check "$CATALOGUES"

echo "== 3/4 运行测试用例与边界用例（test，覆盖率不低于 ${MIN_COVERAGE}%）"
"${fashen[@]}" test "$CATALOGUES" --min-coverage "$MIN_COVERAGE"

echo "== 4/4 变更说明与对过往决定的影响（diff，与 ${BASE} 比较）"
if git rev-parse --verify --quiet "${BASE}^{commit}" > /dev/null; then
    impact=()
    if [[ -f "$DECISIONS" ]]; then
        impact=(--decisions "$DECISIONS")
    fi
    # The report is kept for the merge request (impact.txt, impact.json) as well as printed.
    "${fashen[@]}" diff "${BASE}:${CATALOGUES}" "$CATALOGUES" "${impact[@]}" --all | tee impact.txt
    "${fashen[@]}" diff "${BASE}:${CATALOGUES}" "$CATALOGUES" "${impact[@]}" --format json > impact.json
else
    echo "没有修订 ${BASE}，跳过影响分析。"
fi

echo "全部检查通过。"
