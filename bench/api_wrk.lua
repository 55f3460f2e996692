-- wrk script of the domain benches (bench/common.py run_wrk sets the environment):
--   BENCH_METHOD  GET | POST
--   BENCH_BODY    fixed JSON body (POST)
--   BENCH_TOKEN   bearer token sent as Authorization
--   BENCH_XFF     "1": a different X-Forwarded-For on every request (many mini-program users behind nginx)
--   BENCH_OUT     file the summary is appended to, as one JSON line (p50/p90/p95/p99 in µs)

local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
local spoof = os.getenv("BENCH_XFF") == "1"
local out = os.getenv("BENCH_OUT")
local thread_no = 0

function setup(thread)
  thread:set("id", thread_no)
  thread_no = thread_no + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

wrk.method = method
wrk.headers["Content-Type"] = "application/json"
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
if body and body ~= "" then wrk.body = body end

if spoof then
  request = function()
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
                                               math.random(1, 254))
    return wrk.format(method, wrk.path, headers, wrk.body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local line = string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write,
    e.status, e.timeout)
  local f = assert(io.open(out, "a"))
  f:write(line .. "\n")
  f:close()
end
