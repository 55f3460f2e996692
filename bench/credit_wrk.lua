-- wrk script of the credit bench (bench/credit_bench.py sets the environment):
--   BENCH_TOKEN   bearer token sent as Authorization (the 经办 xfjb)
--   BENCH_OUT     file the summary is appended to, as one JSON line (p50/p90/p95/p99 in µs)

local token = os.getenv("BENCH_TOKEN")
local out = os.getenv("BENCH_OUT")

wrk.method = "GET"
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

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
