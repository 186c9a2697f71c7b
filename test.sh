#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need beyond the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f tests/setup.sh ]; then
  bash tests/setup.sh
fi

# The bot's measurement on the sample questions, printed whether the run passes or fails.
report=TestResults/eval-report.txt
rm -f "$report"
trap '[ -f "$report" ] && { echo; echo "Bot measurement on the sample cases:"; cat "$report"; }' EXIT

dotnet test DutyAdvisor.sln "$@"
