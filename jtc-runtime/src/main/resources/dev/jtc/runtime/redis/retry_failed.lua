-- jtc retry_failed: moves failed job ARGV[4] back to the tail of its queue with a fresh attempt
-- count and no history; it takes its unique key back if no other pending job holds it. Returns 1 or 0.
local id = ARGV[4]
local jk = job_key(id)
if redis.call('ZSCORE', K.failed, id) == false then return 0 end
redis.call('ZREM', K.failed, id)
if redis.call('TYPE', jk).ok ~= 'hash' then return 0 end
redis.call('HSET', jk, 'attempt', 0, 'recoveries', 0, 'state', 'queued')
redis.call('HDEL', jk, 'failedAt', 'reason', 'lastError', 'worker', 'startedAt', 'expiresAt', 'runAt') -- it runs now
redis.call('DEL', history_key(id)) -- a fresh start: its history is cleared, as the failed set shows it
local ukey = redis.call('HGET', jk, 'uniqueKey')
if ukey and ukey ~= '' then
  local holder = redis.call('HGET', K.unique, ukey)
  if not holder or not PENDING[job_state(holder) or 'none'] then redis.call('HSET', K.unique, ukey, id) end
end
redis.call('RPUSH', K.ready, id)
wake()
return 1
