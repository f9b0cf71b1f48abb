local BAD = check_keys { active_key(ARGV[4]), 'zset', K.ready, 'list', K.signal, 'list', K.failed, 'zset', K.unique, 'hash' } if BAD then return BAD end
-- per job: job:hash
-- jtc release: puts jobs ARGV[5..] that worker ARGV[4] fetched but did not run back at the head
-- of the ready list, first job first, without spending an attempt. One whose record is missing or
-- malformed goes to the failed set instead. Returns how many.
local worker = ARGV[4]
local active = active_key(worker)
local n = 0
for i = #ARGV, 5, -1 do
  local id = ARGV[i]
  if redis.call('ZSCORE', active, id) then
    local h, missing = read_job(id)
    local problem = h and job_problem(id, h)
    if not h then
      quarantine(id, missing .. '; its id was in the in-flight set of ' .. worker .. ', which released it')
    elseif problem then
      quarantine(id, 'malformed job record: ' .. problem)
    else
      requeue_at_head(id, h)
    end
    redis.call('ZREM', active, id)
    n = n + 1
  end
end
if n > 0 then wake() end
return n
