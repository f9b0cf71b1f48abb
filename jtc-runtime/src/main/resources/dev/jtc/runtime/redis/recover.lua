local BAD = check_keys { K.workers, 'zset', K.ready, 'list', K.failed, 'zset', K.unique, 'hash', K.signal, 'list' } if BAD then return BAD end
-- per job: active:zset job:hash history:list
-- jtc recover: takes back the in-flight jobs of every worker whose heartbeat expiry (score in
-- the queue's workers set) is not after now. A job already recovered ARGV[4] times goes to the
-- failed set as a poison pill; the others go back to the head of the ready list in their old order.
-- Returns {requeued, poisoned, dead worker ids that had jobs here...}.
local max_recoveries = tonumber(ARGV[4])
local dead = redis.call('ZRANGEBYSCORE', K.workers, '-inf', NOW)

-- First every check: the dead workers' in-flight sets, their jobs' records and histories.
local plans = {}
for _, worker in ipairs(dead) do
  local ak = active_key(worker)
  local bad = check_keys({ ak, 'zset' })
  if bad then return bad end
  local jobs = {}
  local ids = redis.call('ZRANGE', ak, 0, -1)
  for i = #ids, 1, -1 do
    local id = ids[i]
    local h, missing = read_job(id)
    jobs[#jobs + 1] = { id = id, h = h, missing = missing, problem = h and job_problem(id, h), history = history_ok(id) }
  end
  plans[#plans + 1] = { worker = worker, key = ak, jobs = jobs }
end

-- Then the writes, which cannot fail: each job is recorded in its next place before its worker's
-- in-flight set is deleted.
local out = { 0, 0 }
local requeued, poisoned = 0, 0
for _, plan in ipairs(plans) do
  local worker = plan.worker
  if #plan.jobs > 0 then out[#out + 1] = worker end
  for _, job in ipairs(plan.jobs) do
    local id, h = job.id, job.h
    if not h then
      quarantine(id, job.missing .. '; its id was in the in-flight set of dead worker ' .. worker)
      poisoned = poisoned + 1
    elseif job.problem then
      quarantine(id, 'malformed job record: ' .. job.problem .. '; its id was in the in-flight set of dead worker ' .. worker)
      poisoned = poisoned + 1
    else
      local rec = tonumber(h.recoveries) or 0
      if rec >= max_recoveries then
        local reason = 'poison pill: worker ' .. worker .. ' died while running it, and it had already been taken back from '
          .. rec .. ' dead worker(s) (limit ' .. max_recoveries .. ')'
        local attempt = tonumber(h.attempt) or 0
        local jk = job_key(id)
        if not job.history then set_history_aside(id) end
        redis.call('ZADD', K.failed, NOW, id)
        -- The fatal run is the last entry of its history, as a failed attempt's would be.
        redis.call('RPUSH', history_key(id), '{"attempt":' .. string.format('%d', attempt) .. ',"at":' .. NOW_TEXT
          .. ',"reason":' .. cjson.encode(reason) .. ',"stackTrace":""}')
        redis.call('HSET', jk, 'state', 'failed', 'failedAt', NOW_TEXT, 'reason', reason, 'lastError', reason)
        redis.call('HDEL', jk, 'worker')
        release_unique(id, h.uniqueKey)
        poisoned = poisoned + 1
      else
        requeue_at_head(id, h, rec + 1)
        requeued = requeued + 1
      end
    end
  end
  redis.call('DEL', plan.key)
  redis.call('ZREM', K.workers, worker)
end
if requeued > 0 then wake() end
out[1] = requeued
out[2] = poisoned
return out
