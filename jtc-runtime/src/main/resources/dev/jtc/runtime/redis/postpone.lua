local BAD = check_keys { active_key(ARGV[4]), 'zset', K.ready, 'list', K.scheduled, 'zset', K.signal, 'list', K.failed, 'zset', K.unique, 'hash' } if BAD then return BAD end
-- per job: job:hash
-- jtc postpone: job ARGV[6], which worker ARGV[4] fetched, waits until ARGV[5] (ms) without
-- spending the attempt its fetch started (a limit or a middleware held it back): scheduled, or at
-- the tail of the ready list if that time has come. A job whose record is missing or malformed
-- goes to the failed set instead. Returns 1, or 0 if the job was not in the worker's in-flight set.
local worker, run_at, id = ARGV[4], ARGV[5], ARGV[6]
local active = active_key(worker)
if not redis.call('ZSCORE', active, id) then return 0 end
local h, missing = read_job(id)
local problem = h and job_problem(id, h)
if not h then
  quarantine(id, missing .. '; its id was in the in-flight set of ' .. worker .. ', which postponed it')
elseif problem then
  quarantine(id, 'malformed job record: ' .. problem)
else
  local jk = job_key(id)
  local attempt = math.max(0, (tonumber(h.attempt) or 0) - 1)
  if tonumber(run_at) <= NOW then
    redis.call('RPUSH', K.ready, id)
    redis.call('HSET', jk, 'state', 'queued', 'runAt', run_at, 'attempt', string.format('%d', attempt))
  else
    redis.call('ZADD', K.scheduled, run_at, id)
    redis.call('HSET', jk, 'state', 'scheduled', 'runAt', run_at, 'attempt', string.format('%d', attempt))
  end
  redis.call('HDEL', jk, 'worker', 'startedAt')
end
redis.call('ZREM', active, id)
wake() -- also for a later time: blocked fetchers recompute when to wake up
return 1
