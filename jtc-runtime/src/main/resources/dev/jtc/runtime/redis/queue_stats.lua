-- jtc queue_stats: {ready, scheduled, active, failed, processed, failures} of one queue.
local active = 0
for _, worker in ipairs(redis.call('ZRANGE', K.workers, 0, -1)) do
  active = active + redis.call('ZCARD', active_key(worker))
end
local counters = redis.call('HMGET', K.stats, 'processed', 'failures')
return {
  redis.call('LLEN', K.ready), redis.call('ZCARD', K.scheduled), active, redis.call('ZCARD', K.failed),
  tonumber(counters[1]) or 0, tonumber(counters[2]) or 0,
}
