-- wrk script for script/bench: appends an undeclared (so ignored) parameter with a counter to the
-- path, so that every request is a new page-cache key and the app does the whole work each time.
-- Each wrk thread has its own Lua state: setup() gives each one a distinct prefix.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local base = nil

request = function()
  if not base then
    base = wrk.path .. (wrk.path:find("?", 1, true) and "&" or "?") .. "bench=" .. tid .. "-"
  end
  counter = counter + 1
  return wrk.format("GET", base .. counter)
end
