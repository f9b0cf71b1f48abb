-- jtc fetch: promotes due scheduled jobs, then moves up to ARGV[5] ready jobs into the in-flight
-- set of worker ARGV[4]. ARGV[6] = the worker's heartbeat expiry (ms) known to the caller,
-- ARGV[7] = how many due jobs to promote at most, ARGV[8] = the largest payload in bytes (a job
-- with a larger one goes to the failed set instead of to the worker).
-- Returns {nextDue, quarantined, skipped, then 9 fields per job taken}; nextDue is the earliest
-- scheduled time ('' if none) when nothing was taken.
local worker, max, expiry, promote_limit = ARGV[4], tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local max_payload = tonumber(ARGV[8]) or math.huge -- no limit when the caller passes none

local due = redis.call('ZRANGEBYSCORE', K.scheduled, '-inf', NOW, 'LIMIT', 0, promote_limit)
-- A stale entry of a job that is running or finished is only dropped: promoting it would deliver it twice.
local MOVED_ON = { active = true, failed = true, cancelled = true, completed = true }
for _, id in ipairs(due) do
  redis.call('ZREM', K.scheduled, id)
  local jk = job_key(id)
  local is_hash = redis.call('TYPE', jk).ok == 'hash'
  if not (is_hash and MOVED_ON[redis.call('HGET', jk, 'state')]) then
    if is_hash then redis.call('HSET', jk, 'state', 'queued') end
    redis.call('RPUSH', K.ready, id) -- a missing record is pushed too, for the fetch below to quarantine
  end
end

-- The cheap check every job passes: a name, a payload, and digits (or nothing) in the number fields.
local function looks_well_formed(h)
  return h.name and h.name ~= '' and h.payload
    and string.find((h.enqueuedAt or '') .. (h.runAt or '') .. (h.attempt or '') .. (h.recoveries or ''), '^[%d%-]*$')
end

-- What exactly is wrong with a record that failed the cheap check.
local function problems(h)
  local p = {}
  if not h.name or h.name == '' then p[#p + 1] = "field 'name' is missing" end
  if not h.payload then p[#p + 1] = "field 'payload' is missing" end
  for _, f in ipairs({ 'enqueuedAt', 'runAt' }) do
    if h[f] and h[f] ~= '' and not is_int(h[f], 16) then
      p[#p + 1] = "field '" .. f .. "' is '" .. string.sub(h[f], 1, 40) .. "', not epoch milliseconds"
    end
  end
  for _, f in ipairs({ 'attempt', 'recoveries' }) do
    if h[f] and not is_int(h[f], 9) then
      p[#p + 1] = "field '" .. f .. "' is '" .. string.sub(h[f], 1, 40) .. "', not an integer"
    end
  end
  if #p == 0 then return nil end
  return table.concat(p, '; ')
end

local out = { '', 0, 0 }
local taken, quarantined, skipped = 0, 0, 0
local in_flight = {} -- score/member pairs for one ZADD
while taken < max do
  local ids = redis.call('LPOP', K.ready, max - taken)
  if not ids then break end
  for _, id in ipairs(ids) do
    local h, missing = read_job(id)
    if not h and redis.call('ZSCORE', K.completed, id) then
      skipped = skipped + 1 -- a stale second reference to a job that completed
    elseif not h then
      quarantine(id, missing .. '; its id was on the ready list')
      quarantined = quarantined + 1
    elseif h.state and h.state ~= 'queued' and h.state ~= 'scheduled' then
      skipped = skipped + 1 -- a stale second reference to a job that is already elsewhere
    else
      local problem = (not looks_well_formed(h)) and problems(h)
      if problem then
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
if redis.call('LLEN', K.ready) > 0 then wake() end
if taken == 0 then
  local first = redis.call('ZRANGE', K.scheduled, 0, 0, 'WITHSCORES')
  if first[2] then out[1] = first[2] end
end
out[2] = quarantined
out[3] = skipped
return out
