-- jtc fail: records the last failed attempt ARGV[6] (JSON) of job ARGV[5] held by worker ARGV[4]
-- and moves it to the failed set with reason ARGV[7]. Returns 1 or 0.
local worker, id, failure, reason = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
if redis.call('ZREM', active_key(worker), id) == 0 then return 0 end
local jk = job_key(id)
redis.call('RPUSH', history_key(id), failure)
redis.call('HINCRBY', K.stats, 'failures', 1)
redis.call('HSET', jk, 'state', 'failed', 'failedAt', NOW_TEXT, 'reason', reason, 'lastError', reason)
redis.call('HDEL', jk, 'worker')
redis.call('ZADD', K.failed, NOW, id)
release_unique(id, redis.call('HGET', jk, 'uniqueKey'))
return 1
