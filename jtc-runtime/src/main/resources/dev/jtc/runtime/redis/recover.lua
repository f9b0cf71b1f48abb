-- jtc recover: takes back the in-flight jobs of every worker whose heartbeat expiry (score in
-- the queue's workers set) is not after now. A job already recovered ARGV[4] times goes to the
-- failed set as a poison pill; the others go back to the head of the ready list in their old order.
-- Returns {requeued, poisoned, dead worker ids that had jobs here...}.
local max_recoveries = tonumber(ARGV[4])
local dead = redis.call('ZRANGEBYSCORE', K.workers, '-inf', NOW)
local out = { 0, 0 }
local requeued, poisoned = 0, 0
for _, worker in ipairs(dead) do
  local ak = active_key(worker)
  local ids = redis.call('ZRANGE', ak, 0, -1)
  if #ids > 0 then out[#out + 1] = worker end
  for i = #ids, 1, -1 do
    local id = ids[i]
    local jk = job_key(id)
    if redis.call('TYPE', jk).ok ~= 'hash' then
      quarantine(id, 'job record ' .. jk .. ' is missing; its id was in the in-flight set of dead worker ' .. worker)
      poisoned = poisoned + 1
    else
      local rec = tonumber(redis.call('HGET', jk, 'recoveries')) or 0
      if rec >= max_recoveries then
        local reason = 'poison pill: worker ' .. worker .. ' died while running it, and it had already been taken back from '
          .. rec .. ' dead worker(s) (limit ' .. max_recoveries .. ')'
        local attempt = tonumber(redis.call('HGET', jk, 'attempt')) or 0
        -- The fatal run is the last entry of its history, as a failed attempt's would be.
        redis.call('RPUSH', history_key(id), '{"attempt":' .. string.format('%d', attempt) .. ',"at":' .. NOW_TEXT
          .. ',"reason":' .. cjson.encode(reason) .. ',"stackTrace":""}')
        redis.call('HSET', jk, 'state', 'failed', 'failedAt', NOW_TEXT, 'reason', reason, 'lastError', reason)
        redis.call('HDEL', jk, 'worker')
        redis.call('ZADD', K.failed, NOW, id)
        release_unique(id, redis.call('HGET', jk, 'uniqueKey'))
        poisoned = poisoned + 1
      else
        redis.call('HINCRBY', jk, 'recoveries', 1)
        requeue_at_head(id)
        requeued = requeued + 1
      end
    end
  end
  redis.call('DEL', ak)
  redis.call('ZREM', K.workers, worker)
end
if requeued > 0 then wake() end
out[1] = requeued
out[2] = poisoned
return out
