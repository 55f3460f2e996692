-- wrk script for every bench scenario, configured through the environment (bench/driver.py sets it):
--   BENCH_METHOD   GET | POST
--   BENCH_PATH     request path; for BENCH_KIND=search the query term is appended to it
--   BENCH_KIND     plain | login | lookup | search
--   BENCH_DATA     file with one item a line: "USCC<TAB>region_code" (lookup) or an URL-encoded term (search)
--   BENCH_BODY     fixed JSON body (login)
--   BENCH_TOKEN    bearer token sent as Authorization (search)
--   BENCH_XFF      "1": a different X-Forwarded-For on every request (many clients behind the proxy)
--   BENCH_OUT      file the summary is appended to, as one JSON line

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local kind = os.getenv("BENCH_KIND") or "plain"
local data_file = os.getenv("BENCH_DATA")
local fixed_body = os.getenv("BENCH_BODY")
local token = os.getenv("BENCH_TOKEN")
local spoof = os.getenv("BENCH_XFF") == "1"
local out = os.getenv("BENCH_OUT")

local items = {}
local thread_no = 0

-- Runs in the main thread before the worker threads start: number them for distinct random seeds.
function setup(thread)
  thread:set("id", thread_no)
  thread_no = thread_no + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
  if data_file and data_file ~= "" then
    for line in io.lines(data_file) do
      if line ~= "" then items[#items + 1] = line end
    end
  end
end

-- wrk.format() and the static request both take these.
wrk.method = method
wrk.path = path
wrk.headers["Content-Type"] = "application/json"
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
if fixed_body and fixed_body ~= "" then wrk.body = fixed_body end

local function pick()
  return items[math.random(#items)]
end

local function client_ip()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

local function dynamic_request()
  -- wrk.format() takes either its headers argument or wrk.headers, not both: copy them over.
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  if spoof then headers["X-Forwarded-For"] = client_ip() end
  if kind == "lookup" then
    local uscc, region = pick():match("^(%S+)\t(%S+)$")
    local body = string.format('{"region_code":"%s","uscc":"%s"}', region, uscc)
    return wrk.format(method, path, headers, body)
  elseif kind == "search" then
    return wrk.format(method, path .. pick(), headers, nil)
  else
    return wrk.format(method, path, headers, fixed_body)
  end
end

-- wrk decides once, at load, whether a request() exists: without one it sends a single pre-built
-- request over and over (its fastest path), which is what the plain scenarios want.
if kind ~= "plain" or spoof then request = dynamic_request end

function done(summary, latency, requests)
  local e = summary.errors
  local line = string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout)
  if out and out ~= "" then
    local f = assert(io.open(out, "a"))
    f:write(line .. "\n")
    f:close()
  else
    io.write(line .. "\n")
  end
end
