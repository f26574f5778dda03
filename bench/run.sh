#!/usr/bin/env bash
# Masthead's benchmark (issue #7). One command:
#   bash bench/run.sh [--articles 10000] [--comments 100000] [--duration 10] [--post-seconds 10] [--connections 32] [--related]
#                     [--import-posts 2000] [--import-comments 20000] [--keep]
# builds Release, times a WordPress import (a generated export) into a new data folder, generates a deterministic
# newsroom into a fresh temporary database, measures cold start, then loads
# 127.0.0.1 only, each load bounded in time: nginx serving the saved bytes of the 50-comment article page (the
# physical limit on this machine), then Masthead's front page, that article page, a tag page, a search and the RSS
# feed with wrk, then comment posting with wrk and bench/post.lua (readers' forms fetched by bench/CommentLoad). Prints a
# table and writes bench/results/<time>.json.
set -euo pipefail
# The whole script is one block, read before it runs: editing this file during a run cannot break the run.
{
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ARTICLES=10000; COMMENTS=100000; DURATION=10; POST_SECONDS=10; POST_WARMUP=8; CONNECTIONS=32; THREADS=2; WARMUP=3; RELATED=""; KEEP=""
IMPORT_POSTS=2000; IMPORT_COMMENTS=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES=$2; shift 2 ;;
    --comments) COMMENTS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --post-seconds) POST_SECONDS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --related) RELATED="--related"; shift ;;
    --import-posts) IMPORT_POSTS=$2; shift 2 ;;
    --import-comments) IMPORT_COMMENTS=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

need() {  # need COMMAND PACKAGE: installs the Debian package when the command is missing
  command -v "$1" >/dev/null && return 0
  [ "$(id -u)" -eq 0 ] || { echo "$1 is needed: apt-get install $2" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$2" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }
}
need wrk wrk
need sqlite3 sqlite3
need python3 python3
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || need nginx nginx-light
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# Seconds since a `date +%s.%N` stamp, rounded; the median of comma-separated numbers.
seconds_since() { python3 -c "print(round($(date +%s.%N) - $1, $2))"; }
median() { python3 -c "import statistics; print(statistics.median([$1]))"; }

PORT=${PORT:-5180}
NGINX_PORT=${NGINX_PORT:-5181}
# Another server left on either port would answer in place of the one measured (which then could not start).
for port in "$PORT" "$NGINX_PORT"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/"; then
    echo "Something already answers on 127.0.0.1:$port: stop it, or set PORT=/NGINX_PORT=" >&2; exit 1
  fi
done
WORK=$(mktemp -d /tmp/masthead-bench.XXXXXX)
DATA=$WORK/data; OUT=$WORK/build; STATIC=$WORK/static
mkdir -p "$DATA" "$OUT" "$STATIC" "$ROOT/bench/results"
SITE_PID=""; NGINX_PID=""
cleanup() {
  if [ -n "$SITE_PID" ]; then kill "$SITE_PID" 2>/dev/null || true; wait "$SITE_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  if [ -n "$KEEP" ]; then echo "kept: $WORK (data/, build/site/, build/commentload/)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "Building Release ..."
# Published as a site is deployed for a fast start (README, "Deploying"): self-contained, the runtime, ASP.NET Core,
# the libraries and Masthead compiled ahead of time into one ReadyToRun image (composite), so that a cold start neither
# waits on the JIT nor loads code compiled apart (1.9 s -> 1.3 s to the first article page on this machine). It takes a
# few minutes.
RID=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
# Its intermediate files go to the benchmark's own folder: the SDK does not notice a change between a composite and a
# per-assembly ReadyToRun build in the same obj/ folder, and would mix the two (a site that hangs at start).
dotnet publish src/Masthead -c Release -r "$RID" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  -p:IntermediateOutputPath="$WORK/obj/" -o "$OUT/site" -nologo >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }
dotnet build bench/CommentLoad -c Release -o "$OUT/commentload" -nologo >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
dotnet build bench/WxrGenerator -c Release -o "$OUT/wxrgenerator" -nologo >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

export Logging__LogLevel__Default=Warning
# The compilers' build servers stay resident after a build; stopped, they cannot share the cores with what is measured.
dotnet build-server shutdown >/dev/null 2>&1 || true

# Moving in: the published site imports a WordPress export into a data folder of its own, from process start to exit,
# three times (each into a new folder); the median is reported, all three are kept in the JSON.
dotnet "$OUT/wxrgenerator/WxrGenerator.dll" --posts "$IMPORT_POSTS" --comments "$IMPORT_COMMENTS" --out "$WORK/export.xml" >/dev/null
echo "Importing a WordPress export of $IMPORT_POSTS posts and $IMPORT_COMMENTS comments ($(du -m "$WORK/export.xml" | cut -f1) MB), three times ..."
IMPORT_RUNS=""
for run in 1 2 3; do
  IMPORT_STARTED=$(date +%s.%N)
  (cd "$OUT/site" && dotnet Masthead.dll import wxr "$WORK/export.xml" --data "$WORK/imported-$run") >"$WORK/import.txt" 2>"$WORK/import.log" \
    || { cat "$WORK/import.txt" "$WORK/import.log"; exit 1; }
  IMPORT_RUNS="$IMPORT_RUNS $(seconds_since "$IMPORT_STARTED" 2)"
  rm -rf "$WORK/imported-$run"
done
IMPORT_RUNS=$(echo $IMPORT_RUNS | tr ' ' ',')
IMPORT_SECONDS=$(median "$IMPORT_RUNS")
export IMPORT_SUMMARY; IMPORT_SUMMARY=$(grep -m 1 "articles imported" "$WORK/import.txt" || true)
echo "  median ${IMPORT_SECONDS}s (runs: $IMPORT_RUNS s): $IMPORT_SUMMARY"

echo "Generating $ARTICLES articles and $COMMENTS comments ..."
GEN_STARTED=$(date +%s.%N)
(cd "$OUT/site" && dotnet Masthead.dll generate --articles "$ARTICLES" --comments "$COMMENTS" $RELATED --data "$DATA") >"$WORK/generate.txt" 2>"$WORK/generate.log" \
  || { cat "$WORK/generate.log"; exit 1; }
GEN_SECONDS=$(seconds_since "$GEN_STARTED" 1)
value() { grep "^$1=" "$WORK/generate.txt" | cut -d= -f2-; }
ARTICLE=$(value article); TAG=$(value tag); SEARCH=$(value search)
SEARCH_PATH="/search?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$SEARCH")"
echo "  done in ${GEN_SECONDS}s (rows $(value rows_seconds)s, search index $(value search_index_seconds)s, related stories $(value related_seconds))"

# Comments are published at once and the per-reader limits are opened wide: the load driver posts as many readers,
# and this measures how fast the site takes comments, not how it turns away floods.
export Comments__Moderation=PublishAtOnce Comments__FloodSeconds=0 Comments__HourlyLimit=10000 Comments__PostsPerMinutePerAddress=100000
BASE="http://127.0.0.1:$PORT"
# Cold start: process launch to the first 200 of the article page, three starts (the first on the new data folder,
# which makes its keys), the median reported; the third process is the one measured below.
COLD_RUNS=""
for run in 1 2 3; do
  if [ -n "$SITE_PID" ]; then kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=""; fi
  LAUNCHED=$(date +%s.%N)
  (cd "$OUT/site" && exec dotnet Masthead.dll --data "$DATA" --urls "$BASE" >"$WORK/site.log" 2>&1) &
  SITE_PID=$!
  COLD=""
  for _ in $(seq 1500); do  # at most about 30 s
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$ARTICLE" || true)" = 200 ]; then
      COLD=$(seconds_since "$LAUNCHED" 3); break
    fi
    sleep 0.02
  done
  [ -n "$COLD" ] || { echo "the site did not serve $ARTICLE:"; cat "$WORK/site.log"; exit 1; }
  COLD_RUNS="$COLD_RUNS $COLD"
done
COLD_RUNS=$(echo $COLD_RUNS | tr ' ' ',')
COLD=$(median "$COLD_RUNS")
echo "Cold start to the first article page: median ${COLD}s of three starts (runs: $COLD_RUNS s)"

# The exact bytes Masthead sends for the article page, served by nginx from a file.
curl -s -H 'Accept-Encoding: identity' "$BASE$ARTICLE" >"$STATIC/article.html"
PAGE_BYTES=$(stat -c %s "$STATIC/article.html")
chmod 755 "$WORK" "$STATIC"; chmod 644 "$STATIC/article.html"
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-body; proxy_temp_path $WORK/nginx-proxy; fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi; scgi_temp_path $WORK/nginx-scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { root $STATIC; default_type text/html; try_files /article.html =404; }
  }
}
EOF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>>"$WORK/nginx-error.log" &
NGINX_PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done
cmp -s <(curl -s "http://127.0.0.1:$NGINX_PORT/") "$STATIC/article.html" || { echo "nginx does not serve the page:"; cat "$WORK/nginx-error.log"; exit 1; }

RESULTS=$WORK/results.tsv
: >"$RESULTS"
to_ms() { python3 -c "import sys; v=sys.argv[1]; u=v.lstrip('0123456789.'); n=float(v[:len(v)-len(u)]); print(round(n*{'us':0.001,'ms':1,'s':1000,'m':60000}[u],3))" "$1"; }
measure() {  # measure NAME URL ENCODING [WRK-LUA-SCRIPT]
  local name=$1 url=$2 encoding=$3 report script=()
  [ $# -ge 4 ] && script=(-s "$4")
  # A search script's warm-up asks other searches than the measured run (1,000 days further back).
  SEARCH_START=${SEARCH_START:+$((SEARCH_START + 51000))} wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${script[@]}" -H "Accept-Encoding: $encoding" "$url" >/dev/null
  report=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" -H "Accept-Encoding: $encoding" "$url")
  local rps p50 p99 non2xx errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$report")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$report")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$report"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$report"); errors=${errors:-0}
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "/${url#http://127.0.0.1:*/}" "$encoding" "$rps" "$p50" "$p99" "$non2xx" "$errors" >>"$RESULTS"
  printf '  %-22s %10s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "$non2xx"
  [ -n "${SITE_PID:-}" ] && memory_after "$name"
  return 0
}
# The site's peak and current resident memory after each step (which step sets the peak), in $WORK/memory.tsv.
memory_after() {
  printf '%s\t%s\t%s\n' "$1" "$(awk '/VmHWM/ {print $2}' "/proc/$SITE_PID/status")" "$(awk '/VmRSS/ {print $2}' "/proc/$SITE_PID/status")" >>"$WORK/memory.tsv"
}

echo "wrk: $THREADS threads, $CONNECTIONS connections, ${WARMUP}s warm-up then ${DURATION}s per scenario, on $(nproc) cores"
measure "nginx, article bytes" "http://127.0.0.1:$NGINX_PORT/" identity
kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
# Warm Masthead before measuring it: on two cores saturated by the load, the tiered JIT (dynamic PGO's instrumented
# code, then the optimised code) needs some seconds of load to settle, and whatever scenario came first after the
# start ran at about half its later speed (the front page: 11.5k then 19.1k req/s in two back-to-back runs).
echo "Warming Masthead: each page under load for ${WARMUP}s ..."
for url in "$BASE/" "$BASE$ARTICLE" "$BASE$TAG" "$BASE$SEARCH_PATH" "$BASE/feed/"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Accept-Encoding: identity" "$url" >/dev/null
done
# New searches run code nothing else runs (the full-text reads, ranking, snippets): under load the tiered JIT took
# about 25 s to compile it fully (211 -> 430 new searches/s at 100,000 stories, then flat), so it gets that long.
# The warm-up and the measured run ask different searches (the measured ones are not in the cache), each thread from
# day 2,000 or 7,000 and 3,000 or 8,000 back: before the first story of any dataset up to 5 years, so every search
# reads all the stories that have its word (the dearest case).
SEARCH_START=$((51 * 2000)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$((WARMUP > 25 ? WARMUP : 25))s" -s "$ROOT/bench/search.lua" "$BASE/search" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Accept-Encoding: br" "$BASE$ARTICLE" >/dev/null
memory_after "warm-up"
measure "front page" "$BASE/" identity
measure "article, 50 comments" "$BASE$ARTICLE" identity
measure "tag page" "$BASE$TAG" identity
measure "search" "$BASE$SEARCH_PATH" identity
SEARCH_START=$((51 * 3000)) measure "search, uncached" "$BASE/search" identity "$ROOT/bench/search.lua"
measure "RSS feed" "$BASE/feed/" identity
measure "article (br)" "$BASE$ARTICLE" br

# Comment posting runs on wrk too (bench/post.lua): the C# driver it replaced took a fifth of the two cores it shared
# with the site. Readers' forms come first, from bench/CommentLoad: 64 readers of the measured story, 8 of another
# story, whose comment path is warmed the same way so that the measured story still starts with its 50. The site
# refuses a form posted within 3 s of being served.
dotnet "$OUT/commentload/CommentLoad.dll" --url "$BASE" --path "$(value warmup_article)" --readers 8 --out "$WORK/warmup-forms.tsv" >/dev/null
dotnet "$OUT/commentload/CommentLoad.dll" --url "$BASE" --path "$ARTICLE" --readers 64 --out "$WORK/forms.tsv" >/dev/null
sleep 3.2
post() {  # post FORMS NAME SECONDS PATH: wrk posting comments; NAME.json and NAME-ids.txt in $WORK
  POST_FORMS=$1 POST_OUT="$WORK/$2.json" POST_IDS="$WORK/$2-ids.txt" POST_RUN="$2-$(date +%s)" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" --timeout 30s --latency -s "$ROOT/bench/post.lua" "$BASE$4" >/dev/null
}
echo "Warming the comment path: posting to another story for ${POST_WARMUP}s ..."
post "$WORK/warmup-forms.tsv" warmup "$POST_WARMUP" "$(value warmup_article)"
memory_after "posting warm-up"
echo "Posting comments for ${POST_SECONDS}s with $CONNECTIONS connections ..."
count() { sqlite3 "$DATA/masthead.db" "PRAGMA busy_timeout=10000; SELECT count(*) FROM Comments WHERE ArticleId = $(value article_id) AND Status = $1;" | tail -n 1; }
# The warm-up's last posts, sent before wrk stopped, may still be committing: counted before, not during, the run.
sleep 1
APPROVED_BEFORE=$(count 1)
ALL_BEFORE=$(sqlite3 "$DATA/masthead.db" "PRAGMA busy_timeout=10000; SELECT count(*) FROM Comments;" | tail -n 1)
post "$WORK/forms.tsv" posting "$POST_SECONDS" "$ARTICLE"
memory_after "posting"
# wrk stops mid-request: a post it sent but did not wait for may still be committing.
sleep 1
APPROVED_AFTER=$(count 1)
ALL_AFTER=$(sqlite3 "$DATA/masthead.db" "PRAGMA busy_timeout=10000; SELECT count(*) FROM Comments;" | tail -n 1)

PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SITE_PID/status")
RSS_KB=$(awk '/VmRSS/ {print $2}' "/proc/$SITE_PID/status")

STAMP=$(date -u +%Y-%m-%dT%H-%M-%SZ)
python3 - "$RESULTS" "$WORK/posting.json" "$ROOT/bench/results/$STAMP.json" "$WORK/posting-ids.txt" "$DATA/masthead.db" "$BASE" "$WORK/memory.tsv" <<EOF
import json, sys, platform, os, sqlite3, urllib.request
memory = [dict(after=n, peak_mb=round(int(h) / 1024, 1), resident_mb=round(int(r) / 1024, 1))
          for n, h, r in (l.rstrip("\n").split("\t") for l in open(sys.argv[7]) if l.strip())]
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
run = json.load(open(sys.argv[2]))
# Every comment the site acknowledged is looked up by its id; the newest is looked for on the page it was sent to.
ids = [int(l) for l in open(sys.argv[4]) if l.strip()]
db = sqlite3.connect(f"file:{sys.argv[5]}?mode=ro", uri=True)
found = sum(db.execute(f"SELECT count(*) FROM Comments WHERE Id IN ({','.join(map(str, ids[i:i + 500]))})").fetchone()[0]
            for i in range(0, len(ids), 500))
visible = False
if run["last_comment_id"]:
    page = urllib.request.urlopen(sys.argv[6] + run["last_location"].split("#")[0]).read().decode()
    visible = f'id="comment-{run["last_comment_id"]}"' in page
succeeded = sum(n for s, n in run["statuses"].items() if 200 <= int(s) < 300 or int(s) == 303)
posting = dict(seconds=run["seconds"], connections=$CONNECTIONS, readers=$(wc -l <"$WORK/forms.tsv"), posted=run["responses"],
               succeeded=succeeded, failed=run["responses"] - succeeded + run["socket_errors"], statuses=run["statuses"],
               comments_per_second=round(run["acknowledged"] / run["seconds"], 1), p50_ms=run["p50_ms"], p99_ms=run["p99_ms"],
               acknowledged=run["acknowledged"], acknowledged_found_in_database=found, last_comment_id=run["last_comment_id"],
               last_comment_visible=visible)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown")
nginx = float(rows[0][3])
scenarios = [dict(scenario=r[0], path=r[1], accept_encoding=r[2], requests_per_second=float(r[3]), p50_ms=float(r[4]), p99_ms=float(r[5]),
                  non_2xx=int(r[6]), socket_errors=int(r[7]), ratio_to_nginx=round(float(r[3]) / nginx, 3)) for r in rows]
new_approved = $APPROVED_AFTER - $APPROVED_BEFORE
new_all = $ALL_AFTER - $ALL_BEFORE
# Lost: acknowledged and not stored. Stored without an answer: posts wrk sent but stopped before their answer came.
posting.update(new_comments_in_database=new_all, new_approved_on_article=new_approved, lost=len(ids) - found,
               stored_unanswered=new_all - found)
result = dict(
    date="$STAMP", machine=dict(cores=os.cpu_count(), cpu=cpu, kernel=platform.release(), load_before="$(cut -d' ' -f1-3 /proc/loadavg)"),
    dataset=dict(articles=$ARTICLES, comments=$COMMENTS, generate_seconds=$GEN_SECONDS, rows_seconds="$(value rows_seconds)",
                 search_index_seconds="$(value search_index_seconds)", related_seconds="$(value related_seconds)"),
    wrk=dict(threads=$THREADS, connections=$CONNECTIONS, seconds=$DURATION, warmup_seconds=$WARMUP),
    wordpress_import=dict(posts=$IMPORT_POSTS, comments=$IMPORT_COMMENTS, median_seconds=$IMPORT_SECONDS, runs_seconds=[$IMPORT_RUNS],
                          summary=os.environ.get("IMPORT_SUMMARY", "")),
    article_page_bytes=$PAGE_BYTES, cold_start_seconds=$COLD, cold_start_runs_seconds=[$COLD_RUNS], peak_resident_mb=round($PEAK_KB / 1024, 1), resident_at_end_mb=round($RSS_KB / 1024, 1),
    resident_after_each_step=memory,
    scenarios=scenarios, comment_posting=posting)
json.dump(result, open(sys.argv[3], "w"), indent=2)

print()
print(f"{'scenario':<22} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'vs nginx':>9}")
for s in scenarios:
    print(f"{s['scenario']:<22} {s['requests_per_second']:>10.0f} {s['p50_ms']:>8.2f} {s['p99_ms']:>8.2f} {s['non_2xx']:>8} {s['ratio_to_nginx']:>8.0%}")
p = posting
print(f"{'post a comment':<22} {p['comments_per_second']:>10.0f} {p['p50_ms']:>8.2f} {p['p99_ms']:>8.2f} {p['failed']:>8}")
print()
print(f"comments: {p['acknowledged']} answered 303, {found} of them found in the database by id, lost {p['lost']}; {new_all} new in the database "
      f"({new_approved} approved), {p['stored_unanswered']} of them posts wrk stopped waiting for; last one on the page at once: "
      f"{p['last_comment_visible']}; {p['readers']} readers' forms, each used again")
print(f"WordPress import of $IMPORT_POSTS posts and $IMPORT_COMMENTS comments: median $IMPORT_SECONDS s of three ($IMPORT_RUNS s)")
print(f"article page {$PAGE_BYTES} bytes; cold start {$COLD} s (median of $COLD_RUNS s); peak resident {result['peak_resident_mb']} MB; "
      f"{$ARTICLES} articles, {$COMMENTS} comments generated in {$GEN_SECONDS} s; {os.cpu_count()} cores, {cpu}")
print("peak resident (MB) after each step: " + ", ".join(f"{m['after']} {m['peak_mb']}" for m in memory))
print(f"written to {sys.argv[3]}")
EOF
exit
}
