#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need beyond the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f tests/setup.sh ]; then
  bash tests/setup.sh
fi

# The bot's measurement on the sample and the broader cases, printed whether the run passes or fails.
report=TestResults/eval-report.txt
broader=TestResults/eval-report-broader.txt
rm -f "$report" "$broader"
show_reports() {
  [ -f "$report" ] && { echo; echo "Bot measurement on the sample cases:"; cat "$report"; }
  [ -f "$broader" ] && { echo; echo "Bot measurement on the broader cases (failures in $broader):"; sed '/^FAILED/,$d' "$broader"; }
  return 0
}
trap show_reports EXIT

dotnet test DutyAdvisor.sln "$@"
