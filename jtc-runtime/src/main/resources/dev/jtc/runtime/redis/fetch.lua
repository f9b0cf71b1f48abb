local BAD = check_keys { K.ready, 'list', K.scheduled, 'zset', K.signal, 'list', K.failed, 'zset', K.unique, 'hash', K.completed, 'zset', K.workers, 'zset', active_key(ARGV[4]), 'zset' } if BAD then return BAD end
-- per job: job:hash active:any
-- jtc fetch: promotes due scheduled jobs, then moves up to ARGV[5] ready jobs into the in-flight
-- set of worker ARGV[4]. ARGV[6] = the worker's heartbeat expiry (ms) known to the caller,
-- ARGV[7] = how many due jobs to promote at most, ARGV[8] = the largest payload in bytes (a job
-- with a larger one goes to the failed set instead of to the worker). A paused queue gives nothing.
-- Returns {nextDue, quarantined, skipped, then 9 fields per job taken}; nextDue is the earliest
-- scheduled time ('' if none) when nothing was taken. Ids are read first and removed from the
-- ready list (and the scheduled set) only after each is recorded in its next place.
local worker, max, expiry, promote_limit = ARGV[4], tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local max_payload = tonumber(ARGV[8]) or math.huge -- no limit when the caller passes none
local scan_limit = max + 1000 -- ready entries one call looks at, at most (garbage included)
local quarantined, skipped = 0, 0
if is_paused() then return { '', 0, 0 } end -- nothing promoted or taken; resume wakes the fetchers

local due = redis.call('ZRANGEBYSCORE', K.scheduled, '-inf', NOW, 'LIMIT', 0, promote_limit)
for _, id in ipairs(due) do
  local h, missing = read_job(id)
  local verdict = classify(id, h, missing, 'in the scheduled set')
  if verdict == 'ok' then
    redis.call('RPUSH', K.ready, id)
    redis.call('HSET', job_key(id), 'state', 'queued')
  elseif verdict ~= 'stale' then
    quarantine(id, verdict)
    quarantined = quarantined + 1
  else
    skipped = skipped + 1 -- a stale entry of a job that moved on: promoting it would deliver it twice
  end
  redis.call('ZREM', K.scheduled, id)
end

local out = { '', 0, 0 }
local taken, consumed = 0, 0
local seen = {}
local in_flight = {} -- score/member pairs for one ZADD
while taken < max and consumed < scan_limit do
  local ids = redis.call('LRANGE', K.ready, consumed, consumed + math.min(max - taken, scan_limit - consumed) - 1)
  if #ids == 0 then break end
  for _, id in ipairs(ids) do
    consumed = consumed + 1
    if seen[id] then
      skipped = skipped + 1 -- the same id twice in a row of the list
    else
      seen[id] = true
      local h, missing = read_job(id)
      local verdict = classify(id, h, missing, 'on the ready list')
      local problem = verdict == 'ok' and job_problem(id, h)
      if verdict == 'stale' then
        skipped = skipped + 1
      elseif verdict ~= 'ok' then
        quarantine(id, verdict)
        quarantined = quarantined + 1
      elseif problem then
        quarantine(id, 'malformed job record: ' .. problem)
        quarantined = quarantined + 1
      elseif #h.payload > max_payload then
        quarantine(id, 'oversize payload: ' .. #h.payload .. ' bytes, over the limit of ' .. max_payload
          .. ' bytes (the producer should pass large data by reference, or raise the limit on both sides)')
        quarantined = quarantined + 1
      else
        local attempt = tostring((tonumber(h.attempt) or 0) + 1)
        local enq = h.enqueuedAt
        if not enq or enq == '' then enq = NOW_TEXT end
        redis.call('HSET', job_key(id), 'attempt', attempt, 'enqueuedAt', enq, 'state', 'active', 'worker', worker,
          'startedAt', NOW_TEXT)
        in_flight[#in_flight + 1] = NOW
        in_flight[#in_flight + 1] = id
        taken = taken + 1
        local n = #out
        out[n + 1] = id
        out[n + 2] = h.name
        out[n + 3] = h.payload
        out[n + 4] = h.fingerprint or ''
        out[n + 5] = enq
        out[n + 6] = h.runAt or ''
        out[n + 7] = h.uniqueKey or ''
        out[n + 8] = attempt
        out[n + 9] = h.recoveries or '0'
      end
    end
  end
end

if taken > 0 then
  redis.call('ZADD', active_key(worker), unpack(in_flight))
  redis.call('ZADD', K.workers, 'GT', expiry, worker)
end
if consumed > 0 then redis.call('LTRIM', K.ready, consumed, -1) end -- only now: each is in its next place
if redis.call('LLEN', K.ready) > 0 then wake() end
if taken == 0 then
  local first = redis.call('ZRANGE', K.scheduled, 0, 0, 'WITHSCORES')
  if first[2] then out[1] = first[2] end
end
out[2] = quarantined
out[3] = skipped
return out
