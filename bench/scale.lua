-- wrk script for bench/scale.sh: each request goes to a target chosen at random from the file named
-- by TARGETS, one "session-cookie path" a line (a partnership's page with that partnership's user's
-- session); prints p50/p95/p99, requests, requests a second, errors and answers that were not 200.
local targets = {}
for line in io.lines(os.getenv("TARGETS")) do
  local cookie, path = line:match("^(%S+)%s+(%S+)$")
  if cookie then targets[#targets + 1] = { "CCRSESSION=" .. cookie, path } end
end

local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end

init = function(args)
  math.randomseed(os.time() * 1000 + seed)
  bad = 0
end

request = function()
  local t = targets[math.random(#targets)]
  return wrk.format("GET", t[2], { ["Cookie"] = t[1] })
end

response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local notok = 0
  for _, t in ipairs(threads) do notok = notok + t:get("bad") end
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %.1f/s, %d errors, %d not 200\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout, notok))
end
