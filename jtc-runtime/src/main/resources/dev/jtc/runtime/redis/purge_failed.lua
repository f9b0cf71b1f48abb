local BAD = check_keys { K.failed, 'zset' } if BAD then return BAD end
-- per job: job:any history:any
-- jtc purge_failed: deletes up to ARGV[4] failed jobs (oldest first); the caller repeats until
-- it gets 0, so no single call blocks Redis for long. Returns how many were deleted.
local ids = redis.call('ZRANGE', K.failed, 0, tonumber(ARGV[4]) - 1)
for _, id in ipairs(ids) do
  redis.call('DEL', job_key(id), history_key(id), job_key(id) .. ':corrupt', history_key(id) .. ':corrupt')
  redis.call('ZREM', K.failed, id)
end
return #ids
