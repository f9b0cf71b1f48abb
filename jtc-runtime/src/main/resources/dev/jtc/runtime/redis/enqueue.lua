local BAD = check_keys { K.unique, 'hash', K.ready, 'list', K.scheduled, 'zset', K.signal, 'list', K.completed, 'zset' } if BAD then return BAD end
-- per job: job:hash history:any
-- jtc enqueue: ARGV[4..] = 9 strings per job (see enqueue_job). Returns {id, duplicate, ...}.
-- Every job is checked before the first is written: one out of bounds (docs/wire-protocol.md,
-- "Limits"), or whose record key holds something else than a hash, fails the whole call.
for i = 4, #ARGV, 9 do
  local bad = check_new_job(ARGV, i)
  if bad then return bad end
end
local out = {}
for i = 4, #ARGV, 9 do
  local id, dup = enqueue_job(ARGV, i)
  out[#out + 1] = id
  out[#out + 1] = tostring(dup)
end
wake()
return out
