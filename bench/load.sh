#!/usr/bin/env bash
# Load on the published service, on loopback, with wrk (Debian's package).
#
#   bench/load.sh [PUBLISH_DIR] [RESULTS_FILE] [READY_TO_RUN_DIR]
#
# Starts the published service (publishing it first when PUBLISH_DIR has no Advisor.Api), measures its
# cold start to a 200 on /health, then runs two identical rounds of fixed-length steps:
#   GET /health (the baseline), POST /api/procedures/34/eligibility, POST /api/screening, POST /api/chat
# each saturating (wrk -t2 -c32), with the service's resident memory read from /proc before and after
# each round; then each POST again at half its saturating rate. Plain wrk has no rate option, so that
# rate is paced: every connection waits LOAD_DELAY_MS before each request (wrk's Lua delay()), with as
# many connections as give half the saturating rate (calibrated in a short run, then measured).
# With READY_TO_RUN_DIR (the same service published with ReadyToRun), its cold start is measured too.
# Every result is one JSON line in RESULTS_FILE, which `Advisor.Benchmarks report` turns into the report.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
publish="${1:-$here/artifacts/publish}"
results="${2:-$here/artifacts/load.jsonl}"
ready_to_run="${3:-}"
port="${LOAD_PORT:-5087}"
duration="${LOAD_SECONDS:-10}"
paced_delay_ms=10
url="http://127.0.0.1:$port"
lua="$here/load/request.lua"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install -y curl" >&2; exit 1; }

if [[ ! -x "$publish/Advisor.Api" ]]; then
  echo "== publishing the service (Release) to $publish"
  dotnet publish "$root/src/Advisor.Api/Advisor.Api.csproj" -c Release -o "$publish" -nologo -v q
fi

mkdir -p "$(dirname "$results")"
: > "$results"
service_pid=""

record() { echo "$1" >> "$results"; }

stop_service() {
  if [[ -n "$service_pid" ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  service_pid=""
}
trap stop_service EXIT

# Starts the service (from $1, or the published folder); start_ms is the wall-clock milliseconds from
# the start to the first 200 on /health, start_cpu_ms the processor time the service used until then
# (other work on the machine stretches the first, hardly the second).
start_ms=0
start_cpu_ms=0
tick=$(getconf CLK_TCK)
start_service() {
  local started now code dir="${1:-$publish}"
  started=$(date +%s%N)
  (cd "$dir" && exec ./Advisor.Api --urls "$url" > "$here/artifacts/service.log" 2>&1) &
  service_pid=$!
  for _ in $(seq 1 2000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/health" 2>/dev/null || true)
    if [[ "$code" == "200" ]]; then
      now=$(date +%s%N)
      start_ms=$(( (now - started) / 1000000 ))
      start_cpu_ms=$(awk -v t="$tick" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$service_pid/stat")
      return 0
    fi
    kill -0 "$service_pid" 2>/dev/null || { echo "the service exited; see $here/artifacts/service.log" >&2; return 1; }
    sleep 0.005
  done
  echo "no 200 on /health within 10 s" >&2
  return 1
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$service_pid/status"; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$service_pid/status"; }

memory() {
  record "{\"kind\":\"memory\",\"point\":\"$1\",\"rssKb\":$(rss_kb),\"peakKb\":$(hwm_kb)}"
  echo "   memory $1: RSS $(( $(rss_kb) / 1024 )) MB"
}

# run NAME METHOD PATH BODIES THREADS CONNECTIONS SECONDS [DELAY_MS] [ROUND]
run() {
  local name=$1 method=$2 path=$3 bodies=$4 threads=$5 connections=$6 seconds=$7 delay=${8:-} round=${9:-0}
  local line
  line=$(LOAD_NAME="$name" LOAD_METHOD="$method" LOAD_BODIES="$bodies" LOAD_DELAY_MS="$delay" \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s "$lua" "$url$path" | grep '^RESULT:' | cut -c8-)
  line="${line%\}},\"round\":$round,\"threads\":$threads,\"connections\":$connections,\"delayMs\":${delay:-0}}"
  record "{\"kind\":\"wrk\",${line:1}"
  echo "$line" | sed -E 's/.*"name":"([^"]*)".*"durationUs":([0-9]+),"requests":([0-9]+).*"p99":([0-9]+).*/   \1: \3 requests, p99 \4 µs/'
}

rate() { # requests per second of the last result named $1 in round $2
  grep "\"name\":\"$1\"" "$results" | grep "\"round\":$2," | tail -1 \
    | sed -E 's/.*"durationUs":([0-9]+),"requests":([0-9]+).*/\2 \1/' | awk '{ printf "%d", $1 * 1000000 / $2 }'
}

# Answers 200 to one request of each kind before it is loaded, so a broken endpoint cannot pass as fast.
check() {
  local path=$1 bodies=$2 code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data-binary "$(head -1 "$bodies")" "$url$path")
  echo "$code"
}

if [[ -n "$ready_to_run" ]]; then
  echo "== cold start, published with ReadyToRun (three starts)"
  for attempt in 1 2 3; do
    start_service "$ready_to_run"
    record "{\"kind\":\"coldStart\",\"build\":\"readyToRun\",\"attempt\":$attempt,\"ms\":$start_ms,\"cpuMs\":$start_cpu_ms}"
    echo "   start $attempt: $start_ms ms ($start_cpu_ms ms of processor time)"
    stop_service
  done
fi

echo "== cold start: process start to the first 200 on /health (three starts)"
for attempt in 1 2 3; do
  start_service
  record "{\"kind\":\"coldStart\",\"build\":\"release\",\"attempt\":$attempt,\"ms\":$start_ms,\"cpuMs\":$start_cpu_ms}"
  echo "   start $attempt: $start_ms ms ($start_cpu_ms ms of processor time)"
  if [[ $attempt -lt 3 ]]; then stop_service; fi
done

chat_code=$(check /api/chat "$here/load/chat.jsonl")
steps=(
  "health GET /health -"
  "eligibility POST /api/procedures/34/eligibility $here/load/eligibility-34.jsonl"
  "screening POST /api/screening $here/load/screening.jsonl"
)
if [[ "$chat_code" == "200" ]]; then
  steps+=("chat POST /api/chat $here/load/chat.jsonl")
else
  record "{\"kind\":\"skipped\",\"name\":\"chat\",\"reason\":\"POST /api/chat answered $chat_code: the bot is not in this build\"}"
  echo "   POST /api/chat answered $chat_code: the chat step is left out (the bot is not in this build)"
fi

for step in "${steps[@]}"; do
  read -r name method path bodies <<< "$step"
  if [[ "$method" == "POST" ]]; then
    code=$(check "$path" "$bodies")
    [[ "$code" == "200" ]] || { echo "$path answered $code before the load" >&2; exit 1; }
  fi
done

memory started
echo "== warm-up (not recorded)"
for step in "${steps[@]}"; do
  read -r name method path bodies <<< "$step"
  [[ "$bodies" == "-" ]] && bodies=""
  LOAD_NAME=warmup LOAD_METHOD="$method" LOAD_BODIES="$bodies" wrk -t2 -c32 -d3s -s "$lua" "$url$path" > /dev/null
done
memory warm

for round in 1 2; do
  echo "== round $round: saturating, wrk -t2 -c32, ${duration} s a step"
  for step in "${steps[@]}"; do
    read -r name method path bodies <<< "$step"
    [[ "$bodies" == "-" ]] && bodies=""
    run "$name" "$method" "$path" "$bodies" 2 32 "$duration" "" "$round"
  done
  memory "after round $round"
done

echo "== half the saturating rate, paced (${paced_delay_ms} ms between a connection's requests)"
for step in "${steps[@]}"; do
  read -r name method path bodies <<< "$step"
  [[ "$method" == "POST" ]] || continue
  target=$(( $(rate "$name" 2) / 2 ))
  connections=$(( target * paced_delay_ms / 1000 ))
  (( connections < 2 )) && connections=2
  run "$name-calibration" "$method" "$path" "$bodies" 2 "$connections" 3 "$paced_delay_ms" 3
  achieved=$(rate "$name-calibration" 3)
  (( achieved > 0 )) && connections=$(( connections * target / achieved ))
  (( connections < 2 )) && connections=2
  record "{\"kind\":\"pacing\",\"name\":\"$name\",\"targetRps\":$target,\"connections\":$connections}"
  run "$name-half" "$method" "$path" "$bodies" 2 "$connections" "$duration" "$paced_delay_ms" 3
done
memory "after paced runs"

stop_service
echo "== results in $results"
