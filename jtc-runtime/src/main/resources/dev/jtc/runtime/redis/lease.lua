local BAD = check_keys { limit_key(ARGV[4]), 'zset' } if BAD then return BAD end
-- jtc lease: the holds on one limit, a ZSET holder -> held until (ms). ARGV[4] = 'lease',
-- ARGV[5] = the holder, ARGV[6] = the mode:
--   'acquire', ARGV[7] = the limit, ARGV[8] = held until: drops holds whose time has passed, then
--     takes one for the holder if it has one already or fewer than the limit are held; 1 or 0;
--   'renew', ARGV[7] = held until: extends the holder's hold if its time has not passed; 1, or 0
--     (and the lapsed hold is dropped) if it had.
-- The key expires with its last hold.
local key, holder, mode = limit_key(ARGV[4]), ARGV[5], ARGV[6]
local function expire_with_last()
  local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')[2]
  -- Relative to NOW, the caller's clock, which may differ from the server's.
  if last then redis.call('PEXPIRE', key, math.max(1, tonumber(last) - NOW)) end
end
if mode == 'acquire' then
  local limit, held_until = tonumber(ARGV[7]), ARGV[8]
  redis.call('ZREMRANGEBYSCORE', key, '-inf', NOW)
  if redis.call('ZSCORE', key, holder) or redis.call('ZCARD', key) < limit then
    redis.call('ZADD', key, held_until, holder)
    expire_with_last()
    return 1
  end
  return 0
end
local until_now = redis.call('ZSCORE', key, holder)
if until_now and tonumber(until_now) > NOW then
  redis.call('ZADD', key, ARGV[7], holder)
  expire_with_last()
  return 1
end
if until_now then redis.call('ZREM', key, holder) end
return 0
