#!/usr/bin/env bash
# Files of case files over HTTP: upload and download throughput of one large file (SIZE_MB, default 200) and of 20 files of
# 10 MB, and the service's working set sampled every 0.1 s while the large file streams in and out, to see that it stays
# flat (the body is spooled to disk while hashed, never held). Side by side in the same run, the anchor: copying the same
# file on the same disk (cp + sync) and reading it (cat). On PostgreSQL with FASHEN_BENCH_POSTGRESQL.
#   bash bench/http/files.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb="${1:-200}"
port=5098
export Fashen__MaxFileBytes=$(( (size_mb + 16) * 1048576 ))
source bench/http/service.sh
start_service "$port"
rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status"; }
work="$(mktemp -d)"
trap 'kill $server 2>/dev/null; rm -rf "$data" "$work"' EXIT

# An MP4 as a body camera writes one: an ftyp box, then one mdat box with the rest (random, so nothing compresses it).
mp4() { # path megabytes
  local path="$1" mb="$2" payload=$(( $2 * 1048576 - 32 ))
  { printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2'
    printf "%08x" $(( payload + 8 )) | xxd -r -p; printf 'mdat'
    head -c "$payload" /dev/urandom; } > "$path"
}

sample() { # samples the working set into a file until the given process ends
  local watched="$1" out="$2"
  while kill -0 "$watched" 2>/dev/null; do rss >> "$out"; echo >> "$out"; sleep 0.1; done
}

upload() { # path → seconds
  local sha; sha="$(sha256sum "$1" | cut -d' ' -f1)"
  curl -sf -o /dev/null -w '%{time_total}' -X PUT -H "X-Api-Key: $key" -H 'Content-Type: video/mp4' --data-binary @"$1" \
    "http://127.0.0.1:$port/v1/files/$sha"
}

download() { # path → seconds
  local sha; sha="$(sha256sum "$1" | cut -d' ' -f1)"
  curl -sf -o /dev/null -w '%{time_total}' -H "X-Api-Key: $key" "http://127.0.0.1:$port/v1/files/$sha"
}

mp4 "$work/large.mp4" "$size_mb"
store="LiteDB (data folder)"; [ -n "${FASHEN_BENCH_POSTGRESQL:-}" ] && store=PostgreSQL
echo "store: $store; working set before: $(rss) MB"

# Anchor: the same bytes copied on the same disk and made durable, and read back.
start=$(date +%s.%N); cp "$work/large.mp4" "$data/anchor.mp4"; sync "$data/anchor.mp4"; end=$(date +%s.%N)
echo "anchor copy ${size_mb} MB (cp + sync): $(echo "$size_mb / ($end - $start)" | bc -l | xargs printf '%.0f') MB/s"
sync; echo 3 | sudo tee /proc/sys/vm/drop_caches >/dev/null 2>&1 || true
start=$(date +%s.%N); cat "$data/anchor.mp4" > /dev/null; end=$(date +%s.%N)
echo "anchor read ${size_mb} MB (cat): $(echo "$size_mb / ($end - $start)" | bc -l | xargs printf '%.0f') MB/s"
rm -f "$data/anchor.mp4"

# On PostgreSQL, the database's own anchor: the same bytes written as rows of a mebibyte by the server itself (no client, no
# network), committed. Needs psql and a superuser (pg_read_binary_file).
if [ -n "${FASHEN_BENCH_POSTGRESQL:-}" ] && command -v psql >/dev/null; then
  part() { echo "$FASHEN_BENCH_POSTGRESQL" | tr ';' '\n' | grep -i "^$1=" | cut -d= -f2-; }
  chmod 755 "$work"; chmod 644 "$work/large.mp4"
  start=$(date +%s.%N)
  PGPASSWORD="$(part Password)" psql -q -h "$(part Host)" -p "$(part Port)" -U "$(part Username)" -d "$(part Database)" -c \
    "CREATE TABLE bench_anchor_$$ (n int, data bytea); INSERT INTO bench_anchor_$$ SELECT n, pg_read_binary_file('$work/large.mp4', n::bigint * 1048576, 1048576) FROM generate_series(0, $((size_mb - 1))) n; DROP TABLE bench_anchor_$$;"
  end=$(date +%s.%N)
  echo "anchor PostgreSQL ${size_mb} MB as 1 MiB rows, server-side: $(echo "$size_mb / ($end - $start)" | bc -l | xargs printf '%.0f') MB/s"
fi

upload "$work/large.mp4" > "$work/up.time" & up=$!
sample "$up" "$work/up.rss"; wait "$up"
echo "upload ${size_mb} MB: $(echo "$size_mb / $(cat "$work/up.time")" | bc -l | xargs printf '%.0f') MB/s; working set during: $(sort -n "$work/up.rss" | sed '/^$/d' | head -1)–$(sort -n "$work/up.rss" | tail -1) MB"

download "$work/large.mp4" > "$work/down.time" & down=$!
sample "$down" "$work/down.rss"; wait "$down"
echo "download ${size_mb} MB: $(echo "$size_mb / $(cat "$work/down.time")" | bc -l | xargs printf '%.0f') MB/s; working set during: $(sort -n "$work/down.rss" | sed '/^$/d' | head -1)–$(sort -n "$work/down.rss" | tail -1) MB"

# Twenty files of 10 MB, one after the other.
total_up=0; total_down=0
for i in $(seq 1 20); do
  mp4 "$work/small.mp4" 10
  total_up=$(echo "$total_up + $(upload "$work/small.mp4")" | bc -l)
  total_down=$(echo "$total_down + $(download "$work/small.mp4")" | bc -l)
done
echo "20 × 10 MB: upload $(echo "200 / $total_up" | bc -l | xargs printf '%.0f') MB/s, download $(echo "200 / $total_down" | bc -l | xargs printf '%.0f') MB/s"
echo "working set after: $(rss) MB"
