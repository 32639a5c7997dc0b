-- Sends correctly signed 1 KiB JSON deliveries, cycling through the bodies of a file written by make_requests.py,
-- each request with a delivery id never sent before: "<tag>-<thread>-<counter>", the tag unique per wrk run.
-- usage: wrk -s deliveries.lua URL -- FILE TAG
-- (paced.lua adds a pause after each answer: wrk -s paced.lua URL -- FILE TAG DELAY_MS)
-- done() prints one JSON line starting with "BENCH ".

local threads = {}
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_no", next_thread)
  table.insert(threads, thread)
end

local bodies, github, legacy = {}, {}, {}
local count, sent = 0, 0
local prefix
pause = nil -- read by paced.lua

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local b, g, l = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    count = count + 1
    bodies[count], github[count], legacy[count] = b, g, l
  end
  file:close()
  prefix = args[2] .. "-" .. thread_no .. "-"
  pause = args[3] and tonumber(args[3]) or nil
end

local headers = {
  ["Content-Type"] = "application/json",
  ["X-GitHub-Event"] = "push",
}

function request()
  sent = sent + 1
  local i = sent % count + 1
  headers["X-GitHub-Delivery"] = prefix .. sent
  headers["X-Hub-Signature-256"] = github[i]
  headers["X-Signature"] = legacy[i]
  return wrk.format("POST", nil, headers, bodies[i])
end

function done(summary, latency, requests)
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,' ..
    '"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
