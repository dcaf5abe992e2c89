-- wrk script: one new case per request on POST /api/v1/cases, with a unique external_id.
-- Environment: WHISTLE_LOAD_TOKEN, WHISTLE_LOAD_TYPES (comma list), WHISTLE_LOAD_RUN (prefix).
local token = os.getenv("WHISTLE_LOAD_TOKEN")
local run = os.getenv("WHISTLE_LOAD_RUN")
local types = {}
for t in string.gmatch(os.getenv("WHISTLE_LOAD_TYPES"), "[^,]+") do types[#types + 1] = t end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
local areas = { "YG-S01", "YG-S02", "YG-S03" }
local counter = 0

function request()
  counter = counter + 1
  local body = string.format(
    '{"source":"load","external_id":"%s-%d","type":"%s","title":"楼道堆放杂物影响通行",' ..
      '"description":"居民反映%d号楼楼道堆放大量杂物，存在消防隐患，请尽快处理。",' ..
      '"location":{"area_code":"%s","address":"云冈区新平旺街道%d号楼","lat":40.09,"lng":113.14},' ..
      '"urgency":"%s","channel":"hotline","reported_at":"2026-11-23T09:30:00+08:00"}',
    run, counter, types[counter % #types + 1], counter % 97, areas[counter % 3 + 1], counter % 97,
    (counter % 10 == 0) and "urgent" or "normal")
  return wrk.format("POST", "/api/v1/cases", headers, body)
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK_RESULT %d %d %d %.3f %.3f\n", summary.requests, bad,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
