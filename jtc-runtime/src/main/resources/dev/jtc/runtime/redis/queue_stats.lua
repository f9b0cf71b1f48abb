local BROKEN, IS_BROKEN = report_keys { K.ready, 'list', K.scheduled, 'zset', K.failed, 'zset', K.stats, 'hash', K.workers, 'zset' }
-- per job: active:zset
-- jtc queue_stats: {ready, scheduled, active, failed, processed, failures, then one
-- "<expected> <found> <key>" string per key of the wrong type}. Read-only: it reports a key of
-- the wrong type (counting it as empty) instead of refusing.
local function size(key, command)
  if IS_BROKEN[key] then return 0 end
  return redis.call(command, key)
end
local active = 0
if not IS_BROKEN[K.workers] then
  for _, worker in ipairs(redis.call('ZRANGE', K.workers, 0, -1)) do
    local ak = active_key(worker)
    local t = redis.call('TYPE', ak).ok
    if t == 'zset' then
      active = active + redis.call('ZCARD', ak)
    elseif t ~= 'none' then
      BROKEN[#BROKEN + 1] = 'zset ' .. t .. ' ' .. ak
    end
  end
end
local processed, failures = 0, 0
if not IS_BROKEN[K.stats] then
  local counters = redis.call('HMGET', K.stats, 'processed', 'failures')
  processed, failures = tonumber(counters[1]) or 0, tonumber(counters[2]) or 0
end
local out = { size(K.ready, 'LLEN'), size(K.scheduled, 'ZCARD'), active, size(K.failed, 'ZCARD'), processed, failures }
for _, b in ipairs(BROKEN) do out[#out + 1] = b end
return out
