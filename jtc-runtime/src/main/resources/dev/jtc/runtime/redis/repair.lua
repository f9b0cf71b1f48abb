local BAD = check_keys { K.ready, 'list', K.scheduled, 'zset', K.failed, 'zset', K.unique, 'hash', K.signal, 'list', K.completed, 'zset' } if BAD then return BAD end
-- per job: job:hash active:any
-- jtc repair (the check command's --repair): ARGV[4] = what to do, ARGV[5] = the job id, ARGV[6] =
-- a reason. Each action first checks again, in this script, that the damage the audit saw is
-- still there (a worker may have moved the job meanwhile), and does nothing otherwise.
--   put_back      a record that is in no list or set goes where its state says: queued (or no
--                 state) to the tail of the ready list, scheduled to the scheduled set, failed to
--                 the failed set, active (no worker holds it) to the head of the ready list
--   fail          a record in no list or set whose state no producer writes, or that is not a hash,
--                 goes to the failed set
--   fail_missing  an id on the ready list or in the scheduled set without a record (or with one
--                 that is not a hash) goes to the failed set, as a fetch would do
--   drop_stale    an entry on the ready list or in the scheduled set of a job whose record says it
--                 is elsewhere (running, failed, cancelled, completed) is removed
-- Returns 1 if it did something, 0 if there was nothing (any more) to do.
local action, id, reason = ARGV[4], ARGV[5], ARGV[6] or ''
local jk = job_key(id)
local h = read_job(id)
local on_ready = redis.call('LPOS', K.ready, id) ~= false
local scheduled = redis.call('ZSCORE', K.scheduled, id) ~= false
local failed = redis.call('ZSCORE', K.failed, id) ~= false
local held = false
if h and h.worker then
  local score = redis.pcall('ZSCORE', active_key(h.worker), id)
  held = score and type(score) ~= 'table'
end
local anywhere = on_ready or scheduled or failed or held

if action == 'put_back' then
  if not h or anywhere then return 0 end
  local st = h.state
  if st == nil or st == 'queued' then
    redis.call('RPUSH', K.ready, id)
    redis.call('HSET', jk, 'state', 'queued')
  elseif st == 'scheduled' then
    local at = tonumber(h.runAt)
    if at and at > NOW then
      redis.call('ZADD', K.scheduled, at, id)
    else
      redis.call('RPUSH', K.ready, id)
      redis.call('HSET', jk, 'state', 'queued')
    end
  elseif st == 'failed' then
    redis.call('ZADD', K.failed, tonumber(h.failedAt) or NOW, id)
  elseif st == 'active' then
    redis.call('LPUSH', K.ready, id) -- like a recovered job: first in line, its attempt not spent
    local attempt = math.max(0, (tonumber(h.attempt) or 0) - 1)
    redis.call('HSET', jk, 'state', 'queued', 'attempt', string.format('%d', attempt))
    redis.call('HDEL', jk, 'worker', 'startedAt')
  else
    return 0
  end
  wake()
  return 1
elseif action == 'fail' then
  if anywhere or redis.call('EXISTS', jk) == 0 then return 0 end
  quarantine(id, reason) -- a record of the wrong type is kept aside as <job key>:corrupt
  return 1
elseif action == 'fail_missing' then
  if h or not (on_ready or scheduled) then return 0 end
  quarantine(id, reason)
  redis.call('LREM', K.ready, 0, id)
  redis.call('ZREM', K.scheduled, id)
  return 1
elseif action == 'drop_stale' then
  local st = h and h.state
  local elsewhere = (st == 'active' and held) or (st == 'failed' and failed) or st == 'cancelled' or st == 'completed'
    or (not h and redis.call('ZSCORE', K.completed, id))
  if not elsewhere or not (on_ready or scheduled) then return 0 end
  redis.call('LREM', K.ready, 0, id)
  redis.call('ZREM', K.scheduled, id)
  return 1
end
return redis.error_reply('ERR unknown repair action ' .. tostring(action))
