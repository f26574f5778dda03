#!/usr/bin/env bash
# Lists the assemblies a running Masthead has loaded, one file name a line, in the form of
# src/Masthead/ReadyToRunRoots.txt (the roots of the composite ReadyToRun image).
# Usage: bash bench/composite-roots.sh PID   (a site published as in "Deploying", after a run of bench/run.sh's load)
set -euo pipefail
pid=${1:?usage: composite-roots.sh PID}
grep -oE '/[^ ]+\.dll$' "/proc/$pid/maps" | xargs -r -n1 basename | grep -v '\.r2r\.dll$' | sort -u
