-- jtc enqueue: ARGV[4..] = 9 strings per job (see enqueue_job). Returns {id, duplicate, ...}.
local out = {}
for i = 4, #ARGV, 9 do
  local id, dup = enqueue_job(ARGV, i)
  out[#out + 1] = id
  out[#out + 1] = tostring(dup)
end
wake()
return out
