local BAD = check_keys { active_key(ARGV[4]), 'zset', K.failed, 'zset', K.unique, 'hash', K.stats, 'hash' } if BAD then return BAD end
-- per job: job:hash history:list
-- jtc fail: records the last failed attempt ARGV[6] (JSON) of job ARGV[5] held by worker ARGV[4]
-- and moves it to the failed set with reason ARGV[7]. ARGV[8] = '0' to leave the attempt out of the
-- history. Returns 1 or 0.
local worker, id, failure, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local active = active_key(worker)
if not redis.call('ZSCORE', active, id) then return 0 end
local h, missing = read_job(id)
local history_fine = history_ok(id)
-- Every check is done: from here on nothing can fail.
if not h then
  quarantine(id, reason .. ' (and ' .. missing .. ')')
else
  if not history_fine then set_history_aside(id) end
  local jk = job_key(id)
  redis.call('ZADD', K.failed, NOW, id)
  redis.call('RPUSH', history_key(id), failure)
  redis.call('HSET', jk, 'state', 'failed', 'failedAt', NOW_TEXT, 'reason', reason, 'lastError', reason)
  redis.call('HDEL', jk, 'worker')
  release_unique(id, h.uniqueKey)
end
redis.call('ZREM', active, id)
incr_stat('failures', 1)
count_history(0, 1, ARGV[8])
return 1
