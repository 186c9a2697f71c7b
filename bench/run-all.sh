#!/usr/bin/env bash
# Regenerates docs/benchmarks.md end to end, from one run (about 15 minutes on 2 cores):
#   1. installs wrk (Debian) and dotnet-trace (NuGet, into bench/artifacts/tools) when missing;
#   2. runs the BenchmarkDotNet benchmarks (bench/Advisor.Benchmarks, short runs, memory diagnoser);
#   3. profiles the measured operations with dotnet-trace;
#   4. publishes the service (dotnet publish -c Release, and once with ReadyToRun for comparison) and
#      runs bench/load.sh against it;
#   5. writes docs/benchmarks.md (`Advisor.Benchmarks report`).
# REPORT_ONLY=1 skips 1-4 and rewrites the report from the last run's bench/artifacts.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
artifacts="$here/artifacts"
project="$here/Advisor.Benchmarks"
dll="$project/bin/Release/net10.0/Advisor.Benchmarks.dll"
facts="$artifacts/run.txt"
load1() { cut -d' ' -f1 /proc/loadavg; }

build() { dotnet build -c Release "$project" -nologo -v q; }

if [[ "${REPORT_ONLY:-}" != "1" ]]; then
  if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
    echo "== installing wrk and curl (Debian)"
    apt-get update -qq && apt-get install -y -qq wrk curl
  fi
  if [[ ! -x "$artifacts/tools/dotnet-trace" ]]; then
    echo "== installing dotnet-trace (NuGet)"
    dotnet tool install dotnet-trace --tool-path "$artifacts/tools" > /dev/null
  fi

  rm -rf "$artifacts/bdn" "$artifacts/profiles" "$artifacts/publish" "$artifacts/publish-r2r"
  mkdir -p "$artifacts/profiles"
  {
    echo "started=$(date -u '+%Y-%m-%d %H:%M')"
    echo "commit=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src bench || echo ' + local changes')"
    echo "sdk=$(dotnet --version)"
    echo "wrk=$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "loadStart=$(load1)"
  } > "$facts"

  echo "== building the benchmarks (Release)"
  build

  echo "== benchmarks"
  dotnet "$dll" --filter '*' --artifacts "$artifacts/bdn" | tee "$artifacts/benchmarks.log" | grep -E '^\| |limit check|// bot|// 44b|// screening|left out' || true

  echo "== profiles"
  echo "startup=$(dotnet "$dll" profile startup | sed 's/^startup: //')" >> "$facts"
  for what in eligibility-34 eligibility-26 screening completeness; do
    summary=$("$artifacts/tools/dotnet-trace" collect --profile dotnet-sampled-thread-time --format Speedscope \
      -o "$artifacts/profiles/$what.nettrace" --show-child-io -- dotnet "$dll" profile "$what" 10 | grep '^profile' || true)
    echo "profile-$what=$summary" >> "$facts"
    echo "   $summary"
  done

  echo "== publishing the service"
  dotnet publish "$root/src/Advisor.Api/Advisor.Api.csproj" -c Release -o "$artifacts/publish" -nologo -v q
  dotnet publish "$root/src/Advisor.Api/Advisor.Api.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$artifacts/publish-r2r" -nologo -v q

  echo "loadBeforeLoad=$(load1)" >> "$facts"
  echo "== load"
  "$here/load.sh" "$artifacts/publish" "$artifacts/load.jsonl" "$artifacts/publish-r2r"

  {
    echo "loadEnd=$(load1)"
    echo "finished=$(date -u '+%Y-%m-%d %H:%M')"
  } >> "$facts"
else
  build
fi

echo "== report"
dotnet "$dll" report --bdn "$artifacts/bdn/results" --load "$artifacts/load.jsonl" --profiles "$artifacts/profiles" \
  --run "$facts" --notes "$here/report-notes.md" --out "$root/docs/benchmarks.md"
