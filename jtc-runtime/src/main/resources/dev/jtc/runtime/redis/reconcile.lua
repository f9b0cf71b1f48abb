local BAD = check_keys { active_key(ARGV[4]), 'zset', K.ready, 'list', K.signal, 'list', K.failed, 'zset', K.unique, 'hash' } if BAD then return BAD end
-- per job: job:hash
-- jtc reconcile: after a fetch whose reply was lost, puts back every job in worker ARGV[4]'s
-- in-flight set that the worker does not know it holds (ARGV[5..] are the ids it knows).
-- Returns how many were put back.
local worker = ARGV[4]
local active = active_key(worker)
local known = {}
for i = 5, #ARGV do known[ARGV[i]] = true end
local ids = redis.call('ZRANGE', active, 0, -1)
local n = 0
for i = #ids, 1, -1 do
  local id = ids[i]
  if not known[id] then
    local h, missing = read_job(id)
    local problem = h and job_problem(id, h)
    if not h then
      quarantine(id, missing .. '; its id was in the in-flight set of ' .. worker)
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
