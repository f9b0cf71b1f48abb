local BAD = check_keys { K.failed, 'zset' } if BAD then return BAD end
-- per job: job:any history:any
-- jtc delete_failed: deletes failed job ARGV[4], its record and history (and a corrupt record kept aside
-- when it was quarantined). Returns 1 or 0.
local id = ARGV[4]
if not redis.call('ZSCORE', K.failed, id) then return 0 end
redis.call('DEL', job_key(id), history_key(id), job_key(id) .. ':corrupt', history_key(id) .. ':corrupt')
redis.call('ZREM', K.failed, id)
return 1
