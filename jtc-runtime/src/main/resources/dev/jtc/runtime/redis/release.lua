-- jtc release: puts jobs ARGV[5..] that worker ARGV[4] fetched but did not run back at the head
-- of the ready list, first job first, without spending an attempt. Returns how many.
local worker = ARGV[4]
local active = active_key(worker)
local n = 0
for i = #ARGV, 5, -1 do
  local id = ARGV[i]
  if redis.call('ZREM', active, id) == 1 then
    requeue_at_head(id)
    n = n + 1
  end
end
if n > 0 then wake() end
return n
