local BAD = check_keys { K.failed, 'zset', K.unique, 'hash', K.ready, 'list', K.signal, 'list' } if BAD then return BAD end
-- per job: job:hash history:any
-- jtc retry_failed: moves failed job ARGV[4] back to the tail of its queue with a fresh attempt
-- count and no history; it takes its unique key back if no other pending job holds it. ARGV[5] =
-- a token naming this request (or ''): the same request sent again after its reply was lost is
-- answered 1 again. A failed id without a record (a hash) is left as it is. Returns 1 or 0.
local id, token = ARGV[4], ARGV[5] or ''
local jk = job_key(id)
local is_hash = redis.call('TYPE', jk).ok == 'hash'
if not redis.call('ZSCORE', K.failed, id) then
  if token ~= '' and is_hash and redis.call('HGET', jk, 'retryToken') == token then return 1 end
  return 0
end
if not is_hash then return 0 end
redis.call('RPUSH', K.ready, id)
redis.call('HSET', jk, 'attempt', 0, 'recoveries', 0, 'state', 'queued', 'retryToken', token)
redis.call('HDEL', jk, 'failedAt', 'reason', 'lastError', 'worker', 'startedAt', 'expiresAt', 'runAt') -- it runs now
redis.call('DEL', history_key(id)) -- a fresh start: its history is cleared, as the failed set shows it
local ukey = redis.call('HGET', jk, 'uniqueKey')
if ukey and ukey ~= '' then
  local holder = redis.call('HGET', K.unique, ukey)
  if not holder or not PENDING[job_state(holder) or 'none'] then redis.call('HSET', K.unique, ukey, id) end
end
redis.call('ZREM', K.failed, id)
wake()
return 1
