-- wrk script: every request is a different search (a topic word, stories since a different day), so the output
-- cache cannot answer it and each one runs the full-text query. 51 words x 1,000 days: more than a run sends.
local words = {"diplomacy","trade","energy","migration","climate","floods","drought","wildfires","protests","elections",
  "parliament","budget","tax","courts","corruption","housing","labour","shipping","inflation","manufacturing","agriculture",
  "cybersecurity","semiconductors","startups","telecoms","space","oceans","archaeology","wildlife","research","vaccines",
  "hospitals","medicines","football","athletics","cycling","tennis","stadiums","film","music","books","museums","theatre",
  "transport","rail","aviation","water","education","privacy","festivals","heritage"}
local counter = 0
local offset = 0
function setup(thread)
  thread:set("offset", offset)
  offset = offset + 500000
end
function request()
  counter = counter + 1
  local n = offset + counter
  local word = words[(n % #words) + 1]
  local day = math.floor(n / #words) % 1000
  local from = os.date("!%Y-%m-%d", os.time() - day * 86400)
  return wrk.format("GET", "/search?q=" .. word .. "&from=" .. from)
end
