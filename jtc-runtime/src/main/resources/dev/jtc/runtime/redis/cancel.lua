-- jtc cancel: cancels job ARGV[4] if it is scheduled or queued. ARGV[5] = when the record
-- expires (ms, broker clock), ARGV[6] = the retention in ms. Returns 1 or 0.
local id, expires_at, retention = ARGV[4], ARGV[5], ARGV[6]
local st = job_state(id)
if st == 'scheduled' then
  redis.call('ZREM', K.scheduled, id)
elseif st == 'queued' then
  redis.call('LREM', K.ready, 1, id)
else
  return 0
end
local jk = job_key(id)
release_unique(id, redis.call('HGET', jk, 'uniqueKey'))
redis.call('HSET', jk, 'state', 'cancelled', 'cancelledAt', NOW_TEXT, 'expiresAt', expires_at)
redis.call('PEXPIRE', jk, retention)
redis.call('PEXPIRE', history_key(id), retention) -- a retry's failed attempts go with it
return 1
