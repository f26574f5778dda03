#!/usr/bin/env bash
# Runs Masthead's whole test suite (unit, integration over HTTP on real SQLite files, browser journeys in Chromium)
# and ends with one line: "N passed, N failed". Installs missing prerequisites first.
set -uo pipefail
cd "$(dirname "$0")"

if ! bash scripts/test-prerequisites.sh; then
  echo "0 passed, 1 failed"
  exit 1
fi

results="$PWD/TestResults"
rm -rf "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test Masthead.slnx --logger "trx" --results-directory "$results" --blame-hang-timeout 5m -- RunConfiguration.TestSessionTimeout=2400000
status=$?
# The benchmark programs are no test projects, and dotnet test does not build them: built here, they cannot fall
# behind the code they measure unnoticed.
for project in bench/Masthead.Benchmarks bench/CommentLoad bench/WxrGenerator; do
  dotnet build "$project" -nologo -v q || status=1
done

passed=0; failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${e:-0}))
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${t:-0}))
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${a:-0}))
done
# A build failure or a crashed test host leaves fewer results than projects: count that as a failure too.
projects=$(grep -c '<Project Path="tests/' Masthead.slnx)
trx_files=( "$results"/*.trx )
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "${#trx_files[@]}" -lt "$projects" ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
