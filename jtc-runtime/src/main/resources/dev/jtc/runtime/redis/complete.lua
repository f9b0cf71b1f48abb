local BAD = check_keys { active_key(ARGV[4]), 'zset', K.unique, 'hash', K.completed, 'zset', K.stats, 'hash' } if BAD then return BAD end
-- per job: job:any history:any
-- jtc complete: acknowledges jobs of worker ARGV[4]: ARGV[7..] are pairs (id, unique key or '').
-- ARGV[5] = until when (ms, broker clock) their status reads completed; ARGV[6] = '0' to record
-- neither history nor recent completions. A completed job's record
-- and history are deleted at once; its id stays in the completed set, scored by that time.
-- A job no longer in the worker's in-flight set (recovered meanwhile) is left alone.
local worker, expires_at = ARGV[4], ARGV[5]
local active = active_key(worker)
local ids, keys = {}, {}
for i = 7, #ARGV, 2 do
  ids[#ids + 1] = ARGV[i]
  keys[#keys + 1] = ARGV[i + 1]
end
local held = redis.call('ZMSCORE', active, unpack(ids))
local done, scored = {}, {}
for i, id in ipairs(ids) do
  if held[i] then
    done[#done + 1] = id
    scored[#scored + 1] = expires_at
    scored[#scored + 1] = id
  end
end
if #done > 0 then
  redis.call('ZADD', K.completed, unpack(scored)) -- recorded as completed before it leaves the in-flight set
  local recent = {}
  for i, id in ipairs(ids) do
    if held[i] then
      if ARGV[6] ~= '0' then
        -- One line of six space-separated fields; none of them can hold a space (see job_problem).
        local f = redis.pcall('HMGET', job_key(id), 'name', 'enqueuedAt', 'startedAt', 'attempt')
        if f.err then f = {} end
        recent[#recent + 1] = id .. ' ' .. (f[1] or '-') .. ' ' .. (f[2] or '-') .. ' ' .. (f[3] or '-') .. ' ' .. NOW_TEXT
          .. ' ' .. (f[4] or '-')
      end
      release_unique(id, keys[i])
      redis.call('DEL', job_key(id), history_key(id))
    end
  end
  redis.call('ZREM', active, unpack(done))
  incr_stat('processed', #done)
  if ARGV[6] ~= '0' then
    count_history(#done, 0)
    local pushed = redis.pcall('LPUSH', K.recent, unpack(recent))
    if type(pushed) == 'number' then redis.pcall('LTRIM', K.recent, 0, RECENT_KEPT - 1) end
  end
end
redis.call('ZREMRANGEBYSCORE', K.completed, '-inf', NOW) -- forget the ones whose time is up
return #done
