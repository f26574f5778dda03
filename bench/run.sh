#!/usr/bin/env bash
# First benchmark: serves the demo site in Release on loopback and measures the front page and an article page
# with wrk (requests/s, p50 and p99 latency). Bounded: each load runs for DURATION seconds (default 10).
#   bash bench/run.sh [--duration 10] [--connections 32]
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=10; CONNECTIONS=32; THREADS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is needed: apt-get install wrk" >&2; exit 1
  fi
fi

PORT=${PORT:-5180}
DATA=$(mktemp -d /tmp/masthead-bench.XXXXXX)
OUT=$(mktemp -d /tmp/masthead-bench-build.XXXXXX)
trap 'kill $SITE_PID 2>/dev/null || true; wait $SITE_PID 2>/dev/null || true; rm -rf "$DATA" "$OUT"' EXIT

echo "Building Release ..."
dotnet publish src/Masthead -c Release -o "$OUT" -nologo >"$DATA/build.log" 2>&1 || { cat "$DATA/build.log"; exit 1; }
(cd src/Masthead && exec dotnet "$OUT/Masthead.dll" --demo --data "$DATA" --urls "http://127.0.0.1:$PORT" >"$DATA/site.log" 2>&1) &
SITE_PID=$!
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the site did not start:"; cat "$DATA/site.log"; exit 1; }

# The lead story (head closes the pipe early, which pipefail would otherwise count as a failure).
ARTICLE=$(curl -s "http://127.0.0.1:$PORT/" | grep -o 'href="/[0-9]\{4\}/[0-9]\{2\}/[0-9]\{2\}/[a-z0-9-]*/"' | head -n 1 | cut -d'"' -f2 || true)
[ -n "$ARTICLE" ] || { echo "no article link on the front page"; exit 1; }

measure() {
  local name=$1 path=$2
  curl -s -o /dev/null "http://127.0.0.1:$PORT$path"   # warm the cache
  local report
  report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'Accept-Encoding: br' "http://127.0.0.1:$PORT$path")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
  p50=$(awk '$1=="50%" {print $2}' <<<"$report")
  p99=$(awk '$1=="99%" {print $2}' <<<"$report")
  printf '%-14s %-60s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$path" "$rps" "$p50" "$p99"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s each, Accept-Encoding: br, on $(nproc) cores"
measure "front page" "/"
measure "article page" "$ARTICLE"
