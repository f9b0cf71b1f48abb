-- jtc delete_failed: deletes failed job ARGV[4], its record and history (and a corrupt record kept aside
-- when it was quarantined). Returns 1 or 0.
local id = ARGV[4]
if redis.call('ZREM', K.failed, id) == 0 then return 0 end
redis.call('DEL', job_key(id), history_key(id), job_key(id) .. ':corrupt')
return 1
