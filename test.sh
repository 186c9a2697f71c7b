#!/usr/bin/env bash
# Runs every test. On a fresh machine it first installs what the tests need beyond the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f tests/setup.sh ]; then
  bash tests/setup.sh
fi

dotnet test DutyAdvisor.sln "$@"
