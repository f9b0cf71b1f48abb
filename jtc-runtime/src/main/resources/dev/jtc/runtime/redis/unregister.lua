local BAD = check_keys { active_key(ARGV[4]), 'zset', K.workers, 'zset' } if BAD then return BAD end
-- jtc unregister: forgets worker ARGV[4] in this queue. If it still holds jobs here it is marked
-- dead instead, so the next recovery pass takes them back. Returns 1 if it still held jobs.
local worker = ARGV[4]
if redis.call('ZCARD', active_key(worker)) > 0 then
  redis.call('ZADD', K.workers, 0, worker)
  return 1
end
redis.call('ZREM', K.workers, worker)
return 0
