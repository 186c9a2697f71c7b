-- One wrk script for every load step. Settings come from the environment, set by bench/load.sh:
--   LOAD_METHOD     GET or POST
--   LOAD_BODIES     a file with one JSON body per line; each connection sends them in turn
--   LOAD_DELAY_MS   when set, each connection waits this long before each request (paced load)
--   LOAD_NAME       the step's name, echoed in the result line
-- done() prints one line starting with RESULT: and a JSON object that load.sh collects.

local method = os.getenv("LOAD_METHOD") or "GET"
local delay_ms = tonumber(os.getenv("LOAD_DELAY_MS") or "")
local bodies = {}

local file = os.getenv("LOAD_BODIES")
if file and file ~= "" then
  for line in io.lines(file) do
    if line:match("%S") then
      bodies[#bodies + 1] = line
    end
  end
end

wrk.method = method
wrk.headers["Content-Type"] = "application/json"

local next_body = 0

request = function()
  if #bodies == 0 then
    return wrk.format(method)
  end
  next_body = next_body % #bodies + 1
  return wrk.format(method, nil, nil, bodies[next_body])
end

if delay_ms and delay_ms > 0 then
  delay = function()
    return delay_ms
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT:{"name":"%s","durationUs":%d,"requests":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    os.getenv("LOAD_NAME") or "?", summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max))
end
