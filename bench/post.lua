-- wrk script: every request posts a new comment to the story wrk loads, as a breaking story draws many readers.
-- POST_FORMS names the file bench/CommentLoad wrote (one reader a line: Cookie header, tab, form token fields); the
-- posts go round the readers, each from an address of its own (sent as X-Forwarded-For, which the site trusts from
-- loopback) with a name, email and text of its own (the site refuses a duplicate). A form is used again and again (the
-- site does not refuse a form used twice). When wrk stops, POST_OUT gets the run's figures as JSON and POST_IDS the id
-- of every comment the site acknowledged with a 303, one a line, to be looked up in the database.
local forms = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  for line in io.lines(os.getenv("POST_FORMS")) do
    local cookie, fields = line:match("^([^\t]+)\t(.+)$")
    if cookie then
      forms[#forms + 1] = { cookie, fields }
    end
  end
  assert(#forms > 0, "no forms in " .. tostring(os.getenv("POST_FORMS")))
  run = os.getenv("POST_RUN") or tostring(os.time())
  posted = 0
  statuses = {}
  ids = {}
  last, last_location = 0, ""
end

local text = "%20thinks%20the%20council%20should%20publish%20the%20figures%20before%20the%20vote%2C%20not%20after%20it."

function request()
  posted = posted + 1
  local form = forms[(posted + number) % #forms + 1]
  local reader = number .. "-" .. posted .. "-" .. run
  local body = form[2] .. "&comment=Reader%20" .. reader .. text .. "&author=Reader%20" .. reader ..
    "&email=reader" .. reader .. "%40load.example"
  return wrk.format("POST", nil, {
    ["Cookie"] = form[1],
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", number, math.floor(posted / 250) % 250, 1 + posted % 250),
  }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 303 then
    local location = headers["Location"] or ""
    local id = tonumber(location:match("#comment%-(%d+)$"))
    if id then
      ids[#ids + 1] = id
      if id > last then
        last, last_location = id, location
      end
    end
  end
end

function done(summary, latency, requests)
  local counts, acknowledged, last, last_location = {}, 0, 0, ""
  local out = assert(io.open(os.getenv("POST_IDS"), "w"))
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
    for _, id in ipairs(thread:get("ids")) do
      out:write(id, "\n")
      acknowledged = acknowledged + 1
    end
    if thread:get("last") > last then
      last, last_location = thread:get("last"), thread:get("last_location")
    end
  end
  out:close()
  local parts = {}
  for status, n in pairs(counts) do
    parts[#parts + 1] = string.format('"%d": %d', status, n)
  end
  local e = summary.errors
  local json = string.format('{"seconds": %.3f, "responses": %d, "acknowledged": %d, "statuses": {%s}, ' ..
    '"socket_errors": %d, "p50_ms": %.3f, "p99_ms": %.3f, "last_comment_id": %d, "last_location": "%s"}\n',
    summary.duration / 1e6, summary.requests, acknowledged, table.concat(parts, ", "),
    e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, last, last_location)
  local file = assert(io.open(os.getenv("POST_OUT"), "w"))
  file:write(json)
  file:close()
end
