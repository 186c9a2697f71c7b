#!/usr/bin/env bash
# Installs what the browser tests need, once: Debian's Chromium (never a browser downloaded by a test
# tool), CJK fonts so Chinese renders in screenshots, and the Web Chat bundle from npm into the test
# project's web folder. Safe to run again: each step is skipped when its result is already there.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
web="$here/Advisor.Browser.Tests/web"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$web/node_modules/botframework-webchat/dist/webchat.js" ]; then
  echo "setup: installing the Web Chat bundle (npm ci)"
  (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts)
fi

echo "setup: $(chromium --version 2>/dev/null || echo 'chromium missing'); web chat $(node -p "require('$web/node_modules/botframework-webchat/package.json').version")"
