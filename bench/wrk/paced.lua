-- deliveries.lua with a pause of DELAY_MS after each answer on each connection: a steady rate below the peak.
-- usage: wrk -s paced.lua URL -- FILE TAG DELAY_MS
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "deliveries.lua")

function delay()
  return pause
end
