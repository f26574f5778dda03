#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, when it is missing: Debian's Chromium (browser tests,
# never a browser downloaded by a test tool) and fonts for it, Debian's feedparser, Java for the Nu Html Checker,
# and the npm packages in package-lock.json. Safe to run again: it installs nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."

# axe-core (accessibility) and vnu-jar (HTML validity), exactly as package-lock.json pins them.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
# Feeds are checked with a real feed reader; the HTML checker runs on Java.
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
command -v java >/dev/null || need+=(default-jre-headless)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The test suite needs these Debian packages: ${need[*]}. Install them as root: apt-get install ${need[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT="apt-get -o DPkg::Lock::Timeout=900 -o Acquire::Retries=3"
echo "Installing ${need[*]} ..."
# The package lists' lock is not covered by DPkg::Lock::Timeout, so retry the update.
for i in 1 2 3 4 5; do $APT update -qq && break; sleep 15; done
$APT install -y -qq --no-install-recommends "${need[@]}" >/dev/null
