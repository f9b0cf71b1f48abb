local BROKEN, IS_BROKEN = report_keys { K.ready, 'list', K.scheduled, 'zset', K.failed, 'zset', K.stats, 'hash', K.workers, 'zset' }
-- per job: active:zset job:hash
-- jtc queue_stats: {ready, scheduled, active, failed, processed, failures, paused (0/1),
-- oldestReadySince (ms, '' if nothing is ready), then one "<expected> <found> <key>" string per
-- key of the wrong type}. Scheduled jobs whose time has come count as ready. Read-only: it
-- reports a key of the wrong type (counting it as empty) instead of refusing.
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
local paused = is_paused() and 1 or 0
local oldest = nil
local function ready_since(ms)
  if ms and (oldest == nil or ms < oldest) then oldest = ms end
end
local ready, scheduled, due = size(K.ready, 'LLEN'), size(K.scheduled, 'ZCARD'), 0
if ready > 0 then
  local head = redis.call('LINDEX', K.ready, 0)
  local jk = job_key(head)
  local t = redis.call('TYPE', jk).ok
  if t == 'hash' then
    local f = redis.call('HMGET', jk, 'enqueuedAt', 'runAt')
    local enq, run_at = tonumber(f[1]), tonumber(f[2])
    if enq and run_at and run_at > enq then enq = run_at end
    ready_since(enq or run_at)
  elseif t ~= 'none' then
    BROKEN[#BROKEN + 1] = 'hash ' .. t .. ' ' .. jk -- the next fetch moves it to the failed set
  end
end
if scheduled > 0 then
  due = redis.call('ZCOUNT', K.scheduled, '-inf', NOW)
  if due > 0 then ready_since(tonumber(redis.call('ZRANGE', K.scheduled, 0, 0, 'WITHSCORES')[2])) end
end
local out = { ready + due, scheduled - due, active, size(K.failed, 'ZCARD'), processed, failures, paused,
  oldest and string.format('%d', oldest) or '' }
for _, b in ipairs(BROKEN) do out[#out + 1] = b end
return out
