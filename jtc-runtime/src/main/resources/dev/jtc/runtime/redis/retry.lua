-- jtc retry: records failed attempt ARGV[7] (JSON) of job ARGV[5] held by worker ARGV[4] and
-- schedules the next attempt at ARGV[6] (ms); ARGV[8] = the one-line reason. Returns 1 or 0.
local worker, id, retry_at, failure, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
if redis.call('ZREM', active_key(worker), id) == 0 then return 0 end
local jk = job_key(id)
redis.call('RPUSH', history_key(id), failure)
redis.call('HINCRBY', K.stats, 'failures', 1)
redis.call('HDEL', jk, 'worker', 'startedAt')
if tonumber(retry_at) <= NOW then
  redis.call('HSET', jk, 'state', 'queued', 'runAt', retry_at, 'lastError', reason)
  redis.call('RPUSH', K.ready, id)
else
  redis.call('HSET', jk, 'state', 'scheduled', 'runAt', retry_at, 'lastError', reason)
  redis.call('ZADD', K.scheduled, retry_at, id)
end
wake() -- also for a later retry: blocked fetchers recompute when to wake up
return 1
