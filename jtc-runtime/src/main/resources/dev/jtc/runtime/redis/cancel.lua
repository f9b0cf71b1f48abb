local BAD = check_keys { K.ready, 'list', K.scheduled, 'zset', K.unique, 'hash' } if BAD then return BAD end
-- per job: job:hash history:any
-- jtc cancel: cancels job ARGV[4] if it is scheduled or queued. ARGV[5] = when the record
-- expires (ms, broker clock), ARGV[6] = the retention in ms, ARGV[7] = a token naming this request
-- (or ''): the same request sent again after its reply was lost is answered 1 again.
-- Returns 1 or 0.
local id, expires_at, retention, token = ARGV[4], ARGV[5], ARGV[6], ARGV[7] or ''
local jk = job_key(id)
local st = job_state(id)
if st == 'cancelled' then
  if token ~= '' and redis.call('HGET', jk, 'cancelToken') == token then return 1 end
  return 0
end
if st ~= 'scheduled' and st ~= 'queued' then return 0 end
redis.call('HSET', jk, 'state', 'cancelled', 'cancelledAt', NOW_TEXT, 'expiresAt', expires_at, 'cancelToken', token)
-- A record jtc wrote sits where its state says; a foreign one in state scheduled may be on the ready list.
if st ~= 'scheduled' or redis.call('ZREM', K.scheduled, id) == 0 then redis.call('LREM', K.ready, 1, id) end
release_unique(id, redis.call('HGET', jk, 'uniqueKey'))
redis.call('PEXPIRE', jk, retention)
redis.call('PEXPIRE', history_key(id), retention) -- a retry's failed attempts go with it
return 1
