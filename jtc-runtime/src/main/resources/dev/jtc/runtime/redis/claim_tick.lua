local BAD = check_keys { task_key(ARGV[4]), 'hash', K.unique, 'hash', K.ready, 'list', K.scheduled, 'zset', K.signal, 'list', K.completed, 'zset' } if BAD then return BAD end
-- per job: job:hash history:any
-- jtc claim_tick: claims tick ARGV[5] (ms) of task ARGV[4] exactly once: only a tick later than
-- the task's last claimed tick is claimed. With a job (9 strings from ARGV[7], as for enqueue) the
-- job is enqueued in the same step; with ARGV[6] = '1' a tick that comes while the previous run is
-- still pending is spent without enqueuing. A lastTick that is not a number counts as none.
-- Returns ENQUEUED, ADVANCED, SKIPPED_OVERLAP or ALREADY_CLAIMED.
local task, tick, skip_if_running = ARGV[4], tonumber(ARGV[5]), ARGV[6] == '1'
local has_job = #ARGV >= 15
if has_job then
  local bad = check_new_job(ARGV, 7)
  if bad then return bad end
end
local tk = task_key(task)
local last = tonumber(redis.call('HGET', tk, 'lastTick'))
if last and tick <= last then
  -- The same claim sent again (its reply was lost) is recognised by its job id.
  if has_job and tick == last and redis.call('HGET', tk, 'lastJob') == ARGV[7] then return 'ENQUEUED' end
  return 'ALREADY_CLAIMED'
end
if not has_job then
  redis.call('HSET', tk, 'lastTick', ARGV[5])
  return 'ADVANCED'
end
if skip_if_running then
  local prev = redis.call('HGET', tk, 'lastJob')
  if prev then
    local st = job_state(prev)
    if st and PENDING[st] then
      redis.call('HSET', tk, 'lastTick', ARGV[5])
      return 'SKIPPED_OVERLAP'
    end
  end
end
local id, dup = enqueue_job(ARGV, 7)
if dup == 1 then
  redis.call('HSET', tk, 'lastTick', ARGV[5])
  return 'SKIPPED_OVERLAP'
end
wake()
redis.call('HSET', tk, 'lastTick', ARGV[5], 'lastJob', id)
return 'ENQUEUED'
