-- wrk script: every request is a different search (a topic word, stories since a different day), so the output
-- cache cannot answer it and each one runs the full-text query. 51 words x 10,000 days (a day before the first story
-- finds every match, as the earliest days do). A run starts at SEARCH_START or, without it, where the clock puts it
-- (5,100 searches further on for every second), so that a measured run does not repeat the searches of the warm-up
-- run before it. The benchmark's two threads start half the searches apart and never ask the same search (with more
-- threads, the third would repeat the first's).
local words = {"diplomacy","trade","energy","migration","climate","floods","drought","wildfires","protests","elections",
  "parliament","budget","tax","courts","corruption","housing","labour","shipping","inflation","manufacturing","agriculture",
  "cybersecurity","semiconductors","startups","telecoms","space","oceans","archaeology","wildlife","research","vaccines",
  "hospitals","medicines","football","athletics","cycling","tennis","stadiums","film","music","books","museums","theatre",
  "transport","rail","aviation","water","education","privacy","festivals","heritage"}
local searches = #words * 10000
-- SEARCH_START (bench/run.sh sets it) picks where the run starts, so that each run of the benchmark asks the same
-- searches; without it the clock picks.
local start = tonumber(os.getenv("SEARCH_START") or "") or (os.time() * 5100)
start = start % searches
local counter = 0
local next_offset = start
-- setup runs in wrk's main Lua state; thread:set gives each thread's own state a global "offset" (a local of that
-- name would hide it from request, and every thread would send the same searches from the first).
function setup(thread)
  thread:set("offset", next_offset)
  next_offset = (next_offset + searches / 2) % searches
end
function request()
  counter = counter + 1
  local n = (offset + counter) % searches
  local word = words[(n % #words) + 1]
  local day = math.floor(n / #words)
  local from = os.date("!%Y-%m-%d", os.time() - day * 86400)
  return wrk.format("GET", "/search?q=" .. word .. "&from=" .. from)
end
