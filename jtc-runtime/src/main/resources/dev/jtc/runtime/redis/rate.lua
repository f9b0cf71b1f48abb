local BAD = check_keys { limit_key(ARGV[4]), 'zset' } if BAD then return BAD end
-- jtc rate: the starts counted under one rate limit, a ZSET "<holder>:<ms>" -> start (ms).
-- ARGV[4] = 'rate', ARGV[5] = the holder, ARGV[6] = the limit, ARGV[7] = the window (ms). Drops
-- starts older than the window, then counts one now if fewer than the limit remain (returns 0);
-- otherwise returns when the oldest leaves the window (ms), the earliest a start may be counted.
local key, holder, limit, window = limit_key(ARGV[4]), ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])
redis.call('ZREMRANGEBYSCORE', key, '-inf', NOW - window)
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, NOW, holder .. ':' .. NOW_TEXT)
  redis.call('PEXPIRE', key, window)
  return 0
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2]
return tonumber(oldest) + window
