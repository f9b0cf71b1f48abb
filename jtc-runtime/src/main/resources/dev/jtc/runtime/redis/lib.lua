-- jtc: helpers shared by every script. The broker prepends this file to each script before
-- loading it, so each script below is self-contained once loaded.
--
-- Calling convention of every jtc script (see docs/wire-protocol.md):
--   KEYS = the queue's keys: ready, scheduled, unique, signal, failed, workers, stats, completed
--   ARGV[1] = the queue's key prefix "<ns>:{<queue>}:", ARGV[2] = the queue, ARGV[3] = now (ms)
-- Per-job and per-worker keys are derived from the prefix, so every key a script touches shares
-- the queue's hash tag and lives in one slot.

local K = {
  ready = KEYS[1], scheduled = KEYS[2], unique = KEYS[3], signal = KEYS[4],
  failed = KEYS[5], workers = KEYS[6], stats = KEYS[7], completed = KEYS[8],
}
local P = ARGV[1]
local QUEUE = ARGV[2]
local NOW = tonumber(ARGV[3])
local NOW_TEXT = ARGV[3]

local PENDING = { scheduled = true, queued = true, active = true }

local function job_key(id) return P .. 'job:' .. id end
local function history_key(id) return P .. 'history:' .. id end
local function active_key(worker) return P .. 'active:' .. worker end
local function task_key(task) return P .. 'task:' .. task end

-- A job's state, nil if it has no record (or its completed/cancelled record has run out by the
-- broker's clock). A record written by a foreign producer without a state counts as queued.
local function job_state(id)
  local jk = job_key(id)
  if redis.call('TYPE', jk).ok ~= 'hash' then return nil end
  local f = redis.call('HMGET', jk, 'state', 'expiresAt')
  local expires = tonumber(f[2])
  if expires and expires <= NOW then return nil end
  return f[1] or 'queued'
end

-- Wakes one blocked fetcher. One token is enough: a fetcher that leaves jobs behind wakes the next.
local function wake()
  if redis.call('LLEN', K.signal) == 0 then redis.call('LPUSH', K.signal, '1') end
end

local function release_unique(id, key)
  if key and key ~= '' and redis.call('HGET', K.unique, key) == id then
    redis.call('HDEL', K.unique, key)
  end
end

local function is_int(v, digits)
  return type(v) == 'string' and #v <= digits and string.match(v, '^%-?%d+$') ~= nil
end

-- Moves a job that cannot be delivered into the failed set with a reason. Never deletes data: a
-- record of the wrong type is kept under "<job key>:corrupt".
local function quarantine(id, reason)
  local jk = job_key(id)
  local t = redis.call('TYPE', jk).ok
  if t ~= 'none' and t ~= 'hash' then
    redis.call('RENAME', jk, jk .. ':corrupt')
    reason = reason .. ' (the ' .. t .. ' found there was kept at ' .. jk .. ':corrupt)'
    t = 'none'
  end
  if t == 'none' then
    redis.call('HSET', jk, 'id', id, 'queue', QUEUE)
  end
  redis.call('HSET', jk, 'state', 'failed', 'failedAt', NOW_TEXT, 'reason', reason)
  redis.call('HDEL', jk, 'worker', 'expiresAt')
  redis.call('ZADD', K.failed, NOW, id)
  release_unique(id, redis.call('HGET', jk, 'uniqueKey'))
end

-- A job record as a table, or nil and the reason it cannot be read (missing, or not a hash).
local function read_job(id)
  local jk = job_key(id)
  local flat = redis.pcall('HGETALL', jk)
  if flat.err then return nil, 'job record ' .. jk .. ' is a ' .. redis.call('TYPE', jk).ok .. ', not a hash' end
  if #flat == 0 then return nil, 'job record ' .. jk .. ' is missing' end
  local h = {}
  for j = 1, #flat, 2 do h[flat[j]] = flat[j + 1] end
  return h
end

-- Whether id is a job this queue still knows: a record (unless a cancelled one whose time is up,
-- which is then cleared to make room), or a completion whose status has not expired yet.
local function job_is_known(id)
  local jk = job_key(id)
  if redis.call('EXISTS', jk) == 1 then
    if redis.call('TYPE', jk).ok == 'hash' and job_state(id) == nil then
      redis.call('DEL', jk, history_key(id))
      return false
    end
    return true
  end
  local done = tonumber(redis.call('ZSCORE', K.completed, id))
  return done ~= nil and done > NOW
end

-- Enqueues one job given as 9 strings (id, name, payload, fingerprint, enqueuedAt, runAt,
-- uniqueKey, attempt, recoveries; empty runAt/uniqueKey = none). Returns the id that holds the
-- job and 1 if it was a duplicate of a pending job with the same unique key.
local function enqueue_job(a, i)
  local id, name, payload, fp = a[i], a[i + 1], a[i + 2], a[i + 3]
  local enq, run_at, ukey, attempt, rec = a[i + 4], a[i + 5], a[i + 6], a[i + 7], a[i + 8]
  if ukey ~= '' then
    local holder = redis.call('HGET', K.unique, ukey)
    if holder and holder ~= id then
      local st = job_state(holder)
      if st and PENDING[st] then return holder, 1 end
    end
  end
  local jk = job_key(id)
  if job_is_known(id) then
    return id, 0 -- the same job sent again
  end
  local due = tonumber(run_at)
  local state = (due and due > NOW) and 'scheduled' or 'queued'
  redis.call('HSET', jk, 'id', id, 'name', name, 'queue', QUEUE, 'payload', payload, 'fingerprint', fp,
    'enqueuedAt', enq, 'attempt', attempt, 'recoveries', rec, 'state', state)
  if run_at ~= '' then redis.call('HSET', jk, 'runAt', run_at) end
  if ukey ~= '' then
    redis.call('HSET', jk, 'uniqueKey', ukey)
    redis.call('HSET', K.unique, ukey, id)
  end
  if state == 'scheduled' then
    redis.call('ZADD', K.scheduled, due, id)
  else
    redis.call('RPUSH', K.ready, id)
  end
  return id, 0 -- the caller wakes a fetcher once for all the jobs it enqueued
end

-- Puts a job taken from a worker back at the head of the ready list without spending its attempt.
local function requeue_at_head(id)
  local jk = job_key(id)
  redis.call('HINCRBY', jk, 'attempt', -1)
  redis.call('HSET', jk, 'state', 'queued')
  redis.call('HDEL', jk, 'worker', 'startedAt')
  redis.call('LPUSH', K.ready, id)
end

