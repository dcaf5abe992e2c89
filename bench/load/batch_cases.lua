-- wrk script: POST /api/v1/cases:batch with WHISTLE_LOAD_BATCH new cases per request.
local token = os.getenv("WHISTLE_LOAD_TOKEN")
local run = os.getenv("WHISTLE_LOAD_RUN")
local size = tonumber(os.getenv("WHISTLE_LOAD_BATCH"))
local types = {}
for t in string.gmatch(os.getenv("WHISTLE_LOAD_TYPES"), "[^,]+") do types[#types + 1] = t end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
local counter = 0

function request()
  local items = {}
  for i = 1, size do
    counter = counter + 1
    items[i] = string.format(
      '{"source":"load-batch","external_id":"%s-%d","type":"%s","title":"路灯不亮",' ..
        '"description":"%d号路段路灯连续三晚不亮，夜间出行不便。",' ..
        '"location":{"area_code":"YG-S0%d","address":"云冈区%d号路段"},' ..
        '"channel":"grid_app","reported_at":"2026-11-23T09:30:00+08:00"}',
      run, counter, types[counter % #types + 1], counter % 89, counter % 3 + 1, counter % 89)
  end
  return wrk.format("POST", "/api/v1/cases:batch", headers, '{"cases":[' .. table.concat(items, ",") .. ']}')
end

function done(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout
  io.write(string.format("WRK_RESULT %d %d %d %.3f %.3f\n", summary.requests, bad,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
