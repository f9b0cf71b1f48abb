-- jtc: helpers shared by every script. The broker prepends this file to each script before
-- loading it, so each script below is self-contained once loaded.
--
-- Calling convention of every jtc script (see docs/wire-protocol.md):
--   KEYS = the queue's keys: ready, scheduled, unique, signal, failed, workers, stats, completed
--   ARGV[1] = the queue's key prefix "<ns>:{<queue>}:", ARGV[2] = the queue, ARGV[3] = now (ms)
-- Per-job and per-worker keys are derived from the prefix, so every key a script touches shares
-- the queue's hash tag and lives in one slot.
--
-- Safety against a script that fails halfway. Redis does not undo the writes of a script that
-- raises an error, so no jtc script may raise one after its first write. Three rules make sure:
--   1. Every script starts with the line
--        local BAD = check_keys { K.ready, 'list', active_key(ARGV[4]), 'zset', ... } if BAD then return BAD end
--      naming every key of the queue (and every key derived from its arguments) that it touches,
--      with the type jtc keeps there. A key of another type makes the script return the error reply
--      "JTCKEY <expected> <found> <key>" before anything was written. The broker reads that line
--      (Script.java) and refuses a script without it, and a test checks that the script touches no
--      other such key.
--   2. Keys derived from the ids a script handles (job records, histories, a dead worker's
--      in-flight set) are listed on a "-- per job:" line and checked by the script itself, with
--      the helpers below, before its first write: read_job and history_ok.
--   3. Writes are ordered so that a job is recorded in its next place before it leaves the last
--      one (ready, scheduled, an in-flight set), and counters are bumped with incr_stat, which
--      cannot fail.
-- Two kinds of keys are exceptions, touched only in ways that cannot fail whatever they hold:
--   * advisory keys (the throughput history buckets, the list of recently completed jobs) are
--     written only with redis.pcall, whose errors are ignored: a broken one loses a line of
--     history but never refuses or breaks the step it records;
--   * the pause flag K.paused counts by its existence alone (EXISTS, SET, DEL work on any type),
--     so nothing stored there can stop a fetch.

local K = {
  ready = KEYS[1], scheduled = KEYS[2], unique = KEYS[3], signal = KEYS[4],
  failed = KEYS[5], workers = KEYS[6], stats = KEYS[7], completed = KEYS[8], recent = KEYS[9],
  paused = KEYS[10],
}
local P = ARGV[1]
local QUEUE = ARGV[2]
local NOW = tonumber(ARGV[3])
local NOW_TEXT = ARGV[3]

local PENDING = { scheduled = true, queued = true, active = true }
-- The states a producer may write into a new record (no state at all means queued).
local PRODUCER_STATES = { queued = true, scheduled = true }

local function job_key(id) return P .. 'job:' .. id end
local function history_key(id) return P .. 'history:' .. id end
local function active_key(worker) return P .. 'active:' .. worker end
local function task_key(task) return P .. 'task:' .. task end
local function bucket_key(resolution, start) return P .. resolution .. ':' .. start end
-- A limit's key (lease.lua, rate.lua): there P is the limit's own prefix "<ns>:limit:{<key>}:", not a queue's.
local function limit_key(kind) return P .. kind end

-- The history resolutions: bucket width and how long a bucket is kept (HistoryResolution.java).
local HISTORY = { { 'minute', 60000, 6 * 3600000 }, { 'day', 86400000, 56 * 86400000 } }
-- How many recently completed jobs a queue keeps (Broker.RECENT_COMPLETED_KEPT).
local RECENT_KEPT = 1000

-- Rule 1: nil if every key of the list (key, type, key, type, ...) has its type or does not
-- exist; otherwise the error reply naming the first that does not.
local function check_keys(list)
  for i = 1, #list, 2 do
    local t = redis.call('TYPE', list[i]).ok
    if t ~= 'none' and t ~= list[i + 1] then
      return redis.error_reply('JTCKEY ' .. list[i + 1] .. ' ' .. t .. ' ' .. list[i])
    end
  end
  return nil
end

-- For read-only scripts that report instead of refusing: the keys of the list that have another
-- type, as "<expected> <found> <key>" strings, and a set of those keys.
local function report_keys(list)
  local broken, bad = {}, {}
  for i = 1, #list, 2 do
    local t = redis.call('TYPE', list[i]).ok
    if t ~= 'none' and t ~= list[i + 1] then
      broken[#broken + 1] = list[i + 1] .. ' ' .. t .. ' ' .. list[i]
      bad[list[i]] = true
    end
  end
  return broken, bad
end

-- Rule 2: whether the history of job id is a list or absent (RPUSH onto it cannot fail).
local function history_ok(id)
  local t = redis.call('TYPE', history_key(id)).ok
  return t == 'list' or t == 'none'
end

-- Keeps a history of the wrong type aside ("<history key>:corrupt") so that a new one can be
-- written; only after every check of the script has passed.
local function set_history_aside(id)
  local hk = history_key(id)
  redis.call('RENAME', hk, hk .. ':corrupt')
end

-- Rule 3: adds n to a counter of the queue's stats hash (checked to be a hash). A counter that is
-- not an integer is kept aside as "<field>:corrupt" and starts again from n.
local function incr_stat(field, n)
  local r = redis.pcall('HINCRBY', K.stats, field, n)
  if type(r) == 'table' and r.err then
    redis.call('HSET', K.stats, field .. ':corrupt', redis.call('HGET', K.stats, field) or '', field, n)
  end
end

-- Counts outcomes at NOW in the minute and day buckets (advisory: pcall only, errors ignored),
-- unless the caller passed '0' as `record` (history switched off; nil means on).
local function count_history(processed, failed, record)
  if record == '0' then return end
  for _, r in ipairs(HISTORY) do
    local start = NOW - NOW % r[2]
    local bk = bucket_key(r[1], start)
    if processed > 0 then redis.pcall('HINCRBY', bk, 'processed', processed) end
    if failed > 0 then redis.pcall('HINCRBY', bk, 'failed', failed) end
    redis.pcall('PEXPIRE', bk, start + r[3] - NOW) -- relative: the broker's clock need not be Redis'
  end
end

-- Whether the queue is paused: its pause flag exists, whatever it holds.
local function is_paused()
  return redis.call('EXISTS', K.paused) == 1
end

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

-- An unsigned decimal integer of at most `digits` digits.
local function is_count(v, digits)
  return type(v) == 'string' and #v <= digits and string.find(v, '^%d+$') ~= nil
end

local function shown(v)
  if #v > 40 then return "'" .. string.sub(v, 1, 40) .. "...' (" .. #v .. ' bytes)' end
  return "'" .. v .. "'"
end

-- What is wrong with the fields of a job (a record, or the arguments of an enqueue), or nil. The
-- limits are those of WireLimits.java and docs/wire-protocol.md.
local function job_problem(id, h)
  local p = {}
  if #id > 256 or not string.find(id, '^[!-~]+$') then
    p[#p + 1] = 'id ' .. shown(id) .. ' is not 1 to 256 printable ASCII characters'
  end
  local name = h.name
  if not name or name == '' then
    p[#p + 1] = "field 'name' is missing"
  elseif #name > 200 or not string.find(name, '^[%w%._%-]+$') then
    p[#p + 1] = "field 'name' is " .. shown(name) .. ', not 1 to 200 of [A-Za-z0-9._-]'
  end
  if not h.payload then p[#p + 1] = "field 'payload' is missing" end
  for _, f in ipairs({ 'enqueuedAt', 'runAt' }) do
    local v = h[f]
    if v and v ~= '' and not is_count(v, 15) then
      p[#p + 1] = "field '" .. f .. "' is " .. shown(v) .. ', not epoch milliseconds (at most 15 digits)'
    end
  end
  for _, f in ipairs({ 'attempt', 'recoveries' }) do
    local v = h[f]
    if v and not is_count(v, 9) then
      p[#p + 1] = "field '" .. f .. "' is " .. shown(v) .. ', not a count from 0 (at most 9 digits)'
    end
  end
  local ukey = h.uniqueKey
  if ukey and ukey ~= '' and (#ukey > 256 or string.find(ukey, '[%c%s]')) then
    p[#p + 1] = "field 'uniqueKey' is " .. shown(ukey) .. ', not 1 to 256 bytes without spaces or control characters'
  end
  local fp = h.fingerprint
  if fp and fp ~= '' and (#fp > 64 or not string.find(fp, '^[!-~]+$')) then
    p[#p + 1] = "field 'fingerprint' is " .. shown(fp) .. ', not up to 64 printable ASCII characters'
  end
  if #p == 0 then return nil end
  return table.concat(p, '; ')
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

-- Moves a job that cannot be delivered into the failed set with a reason. Never deletes data: a
-- record of the wrong type is kept under "<job key>:corrupt". It cannot fail once the script's
-- keys are checked: RENAME and HSET of a key that is then a hash or absent always succeed.
local function quarantine(id, reason)
  local jk = job_key(id)
  local t = redis.call('TYPE', jk).ok
  if t ~= 'none' and t ~= 'hash' then
    redis.call('RENAME', jk, jk .. ':corrupt')
    reason = reason .. ' (the ' .. t .. ' found there was kept at ' .. jk .. ':corrupt)'
    t = 'none'
  end
  redis.call('ZADD', K.failed, NOW, id)
  if t == 'none' then
    redis.call('HSET', jk, 'id', id, 'queue', QUEUE)
  end
  redis.call('HSET', jk, 'state', 'failed', 'failedAt', NOW_TEXT, 'reason', reason)
  redis.call('HDEL', jk, 'worker', 'expiresAt')
  redis.call('PERSIST', jk)
  release_unique(id, redis.call('HGET', jk, 'uniqueKey'))
end

-- Where a job found on the ready list or in the scheduled set (`place`) stands: 'ok' if it may be
-- delivered, 'stale' if the entry is a second reference to a job that is elsewhere, or the reason
-- to move it to the failed set. h is its record, or nil with `missing` saying why.
local function classify(id, h, missing, place)
  if not h then
    if redis.call('ZSCORE', K.completed, id) then return 'stale' end -- it completed: records are deleted then
    return missing .. '; its id was ' .. place
  end
  local st = h.state
  if st == nil or PRODUCER_STATES[st] then return 'ok' end
  if st == 'cancelled' or st == 'completed' then return 'stale' end
  if st == 'failed' then
    if redis.call('ZSCORE', K.failed, id) then return 'stale' end
    return "the record says state 'failed' (" .. (h.reason or 'no reason') .. ') but its id was ' .. place
      .. ', not in the failed set'
  end
  if st == 'active' then
    local held = h.worker and redis.pcall('ZSCORE', active_key(h.worker), id)
    if held and type(held) ~= 'table' then return 'stale' end
    return "the record says state 'active' but no worker holds it (worker " .. shown(h.worker or '') .. '); its id was '
      .. place
  end
  return 'unknown state ' .. shown(st) .. " (a producer writes 'queued' or 'scheduled', or no state); its id was " .. place
end

-- Whether id is a job this queue still knows: a record (unless a cancelled one whose time is up,
-- which is then cleared to make room), or a completion whose status has not expired yet.
local function job_is_known(id)
  local jk = job_key(id)
  local t = redis.call('TYPE', jk).ok
  if t ~= 'none' then
    if t == 'hash' and job_state(id) == nil then
      redis.call('DEL', jk, history_key(id))
      return false
    end
    return true
  end
  local done = tonumber(redis.call('ZSCORE', K.completed, id))
  return done ~= nil and done > NOW
end

-- Checks one job given as 9 strings (as for enqueue_job) before anything is written: an error
-- reply if its fields are out of bounds or its record key holds something else than a hash.
local function check_new_job(a, i)
  local id = a[i]
  local problem = job_problem(id, { name = a[i + 1], payload = a[i + 2], fingerprint = a[i + 3], enqueuedAt = a[i + 4],
    runAt = a[i + 5], uniqueKey = a[i + 6], attempt = a[i + 7], recoveries = a[i + 8] })
  if problem then return redis.error_reply('JTCINVALID job ' .. shown(id) .. ': ' .. problem .. '; nothing was enqueued') end
  return check_keys({ job_key(id), 'hash' })
end

-- Enqueues one job given as 9 strings (id, name, payload, fingerprint, enqueuedAt, runAt,
-- uniqueKey, attempt, recoveries; empty runAt/uniqueKey = none), checked with check_new_job.
-- Returns the id that holds the job and 1 if it was a duplicate of a pending job with the same
-- unique key.
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
-- h is its record, checked with job_problem; the caller then removes it from the in-flight set.
local function requeue_at_head(id, h, recoveries)
  local jk = job_key(id)
  local attempt = math.max(0, (tonumber(h.attempt) or 0) - 1)
  redis.call('LPUSH', K.ready, id)
  redis.call('HSET', jk, 'state', 'queued', 'attempt', string.format('%d', attempt))
  if recoveries then redis.call('HSET', jk, 'recoveries', string.format('%d', recoveries)) end
  redis.call('HDEL', jk, 'worker', 'startedAt')
end
