local BAD = check_keys { K.signal, 'list' } if BAD then return BAD end
-- jtc pause: ARGV[4] = '1' pauses the queue (workers take nothing from it), '0' resumes it and
-- wakes a blocked fetcher. The queue is paused while its key K.paused exists (it holds the time it
-- was paused, in ms). Returns 1 if the state changed, 0 if the queue already was so.
if ARGV[4] == '1' then
  if redis.call('SET', K.paused, NOW_TEXT, 'NX') then return 1 end
  return 0
end
local changed = redis.call('DEL', K.paused)
if changed == 1 then wake() end
return changed
