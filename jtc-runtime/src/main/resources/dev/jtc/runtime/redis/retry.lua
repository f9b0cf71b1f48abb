local BAD = check_keys { active_key(ARGV[4]), 'zset', K.ready, 'list', K.scheduled, 'zset', K.signal, 'list', K.stats, 'hash', K.failed, 'zset', K.unique, 'hash' } if BAD then return BAD end
-- per job: job:hash history:list
-- jtc retry: records failed attempt ARGV[7] (JSON) of job ARGV[5] held by worker ARGV[4] and
-- schedules the next attempt at ARGV[6] (ms); ARGV[8] = the one-line reason. A job whose record
-- is missing or not a hash cannot run again: it goes to the failed set instead. ARGV[9] = '0' to
-- leave the attempt out of the history. Returns 1 or 0.
local worker, id, retry_at, failure, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local active = active_key(worker)
if not redis.call('ZSCORE', active, id) then return 0 end
local h, missing = read_job(id)
local history_fine = history_ok(id)
-- Every check is done: from here on nothing can fail.
if not h then
  quarantine(id, missing .. '; it was in the in-flight set of worker ' .. worker .. ' when an attempt failed: ' .. reason)
else
  if not history_fine then set_history_aside(id) end
  local jk = job_key(id)
  redis.call('RPUSH', history_key(id), failure)
  if tonumber(retry_at) <= NOW then
    redis.call('RPUSH', K.ready, id)
    redis.call('HSET', jk, 'state', 'queued', 'runAt', retry_at, 'lastError', reason)
  else
    redis.call('ZADD', K.scheduled, retry_at, id)
    redis.call('HSET', jk, 'state', 'scheduled', 'runAt', retry_at, 'lastError', reason)
  end
  redis.call('HDEL', jk, 'worker', 'startedAt')
end
redis.call('ZREM', active, id)
incr_stat('failures', 1)
count_history(0, 1, ARGV[9])
wake() -- also for a later retry: blocked fetchers recompute when to wake up
return 1
