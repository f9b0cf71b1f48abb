package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.redis.AuditFinding.Problem;
import dev.jtc.schedule.Names;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Audits the Redis data of one namespace, for the {@code check} command: keys of the wrong type,
 * queues missing from the set of queues, job records whose id is in no list or set, ids without
 * their record, records whose state contradicts where their id is, jobs held by workers whose
 * heartbeat ran out (or that no recovery pass looks at), and leftovers. With {@code repair} it puts
 * back what it safely can and says what it left:
 *
 * <ul>
 *   <li>a key of the wrong type is renamed to {@code <key>:corrupt} (kept for inspection; a second
 *       one gets {@code :corrupt:<ms>}), after which jtc starts it afresh; the job records whose ids
 *       it held are then found in no structure and put back by the next point;
 *   <li>a record in no structure goes where its state says ({@code queued} or none to the ready
 *       list, {@code scheduled} to the scheduled set, {@code failed} to the failed set,
 *       {@code active} with no worker holding it to the head of the ready list); one in a state no
 *       producer writes, or not a hash, goes to the failed set with the reason;
 *   <li>an id on the ready list or in the scheduled set without a record goes to the failed set (as
 *       a fetch would), and a stale one of a job that is elsewhere is removed;
 *   <li>the jobs of a dead worker are taken back now, as a recovery pass would;
 *   <li>an unregistered queue is added to the set of queues.
 * </ul>
 *
 * Each repair of a job is one script that checks again, atomically, that the damage is still
 * there, so running the audit while workers run is safe: at worst it leaves alone something that
 * was repaired meanwhile. Reading is not one snapshot, so a job that moved while it was read can be
 * reported by mistake (run it again to be sure); it is never moved twice. Left alone, with the
 * reason: ids in the failed set or an in-flight set without their record, records whose state
 * contradicts their place in a way that needs a person, histories without a job, copies kept aside.
 *
 * <p>It reads every key of the namespace ({@code SCAN}, then the lists and sets): fine for an
 * operator's command, not for a hot path.
 */
public final class RedisAudit {

    /** How often a job may have been taken back from dead workers before the repair fails it as a poison pill. */
    static final int MAX_RECOVERIES = 3;

    private static final Map<String, String> QUEUE_KEY_TYPES = new LinkedHashMap<>();

    static {
        QUEUE_KEY_TYPES.put("ready", "list");
        QUEUE_KEY_TYPES.put("scheduled", "zset");
        QUEUE_KEY_TYPES.put("unique", "hash");
        QUEUE_KEY_TYPES.put("signal", "list");
        QUEUE_KEY_TYPES.put("failed", "zset");
        QUEUE_KEY_TYPES.put("workers", "zset");
        QUEUE_KEY_TYPES.put("stats", "hash");
        QUEUE_KEY_TYPES.put("completed", "zset");
        QUEUE_KEY_TYPES.put("recent", "list");
    }

    private final RedisConnection redis;
    private final RedisKeys keys;
    private final Clock clock;

    RedisAudit(RedisConnection redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /** What the audit saw of one queue's keys, by kind. */
    private static final class QueueKeys {
        final Map<String, String> queueKeys = new TreeMap<>(); // ready → its type
        final Map<String, String> active = new TreeMap<>(); // worker → type of its in-flight set
        final Map<String, String> jobs = new TreeMap<>(); // id → type of its record
        final Map<String, String> histories = new TreeMap<>(); // id → type of its history
        final Map<String, String> tasks = new TreeMap<>(); // task → type of its tick record
        final List<String> keptAside = new ArrayList<>();
    }

    /**
     * Runs the audit.
     *
     * @param repair whether to repair what can be; without it nothing is written
     * @throws BrokerException if Redis cannot be reached
     */
    public AuditReport run(boolean repair) {
        List<AuditFinding> findings = new ArrayList<>();
        Map<String, String> types = scan();
        boolean queuesReadable = true;
        for (String[] global : List.of(new String[] {keys.queues(), "set", "the set of queues is rebuilt from the queues' keys"},
                new String[] {keys.workers(), "hash", "workers write their records again at their next heartbeat"},
                new String[] {keys.tasks(), "hash", "the scheduler writes it again at the next tick of each task"})) {
            String type = types.get(global[0]);
            if (type == null || type.equals(global[1])) {
                continue;
            }
            boolean setAside = false;
            if (repair) {
                setAside = setAside(global[0], type, findings, global[1], global[2]);
            } else {
                findings.add(wrongType(global[0], type, global[1], false, "--repair sets it aside; " + global[2]));
            }
            if (global[0].equals(keys.queues())) {
                queuesReadable = setAside;
                types.remove(global[0]);
            }
        }
        Map<String, QueueKeys> byQueue = classify(types);
        Set<String> registered = queuesReadable && types.containsKey(keys.queues())
                ? redis.run("list queues", true, jedis -> jedis.smembers(keys.queues())) : Set.of();
        Set<String> all = new TreeSet<>(byQueue.keySet());
        registered.stream().filter(Names::isValid).forEach(all::add);
        long records = 0;
        for (String queue : all) {
            QueueKeys queueKeys = byQueue.getOrDefault(queue, new QueueKeys());
            if (!registered.contains(queue)) {
                String detail = "queue '" + queue + "' has keys in Redis but is not in " + keys.queues()
                        + ": stats, the failed listing and recovery do not see it";
                if (repair && queuesReadable) {
                    redis.run("register queue " + queue, true, jedis -> jedis.sadd(keys.queues(), queue));
                    findings.add(new AuditFinding(Problem.UNREGISTERED_QUEUE, keys.prefix(queue) + "*", detail,
                            "repaired: added to " + keys.queues(), true, true));
                } else {
                    findings.add(new AuditFinding(Problem.UNREGISTERED_QUEUE, keys.prefix(queue) + "*", detail,
                            queuesReadable ? "--repair adds it to " + keys.queues() : "left: " + keys.queues() + " holds the wrong type",
                            false, queuesReadable));
                }
            }
            records += queueKeys.jobs.size();
            new QueueAudit(queue, queueKeys, repair, findings).run();
        }
        for (String key : new TreeSet<>(types.keySet())) {
            for (String global : List.of(keys.queues(), keys.workers(), keys.tasks())) {
                if (key.startsWith(global + ":corrupt")) {
                    findings.add(new AuditFinding(Problem.LEFTOVER, key, "a copy of damaged data, kept aside for inspection",
                            "left: nothing reads it; delete it with DEL once inspected", false, false));
                }
            }
        }
        return new AuditReport(keys.namespace(), all.size(), records, findings);
    }

    // --- reading ---------------------------------------------------------------------------------

    /** Every key of the namespace and its type. */
    private Map<String, String> scan() {
        return redis.run("scan the keys of namespace " + keys.namespace(), true, jedis -> {
            List<String> found = new ArrayList<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams params = new ScanParams().match(keys.namespace() + ":*").count(1000);
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                found.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            Map<String, String> types = new HashMap<>();
            for (int from = 0; from < found.size(); from += 1000) {
                List<String> chunk = found.subList(from, Math.min(found.size(), from + 1000));
                Pipeline pipeline = jedis.pipelined();
                List<Response<String>> responses = chunk.stream().map(pipeline::type).toList();
                pipeline.sync();
                for (int i = 0; i < chunk.size(); i++) {
                    String type = responses.get(i).get();
                    if (!type.equals("none")) { // deleted since the scan
                        types.put(chunk.get(i), type);
                    }
                }
            }
            return types;
        });
    }

    /** The keys of each queue, sorted into kinds; keys of other shapes are not jtc's and are ignored. */
    private Map<String, QueueKeys> classify(Map<String, String> types) {
        Map<String, QueueKeys> byQueue = new TreeMap<>();
        String start = keys.namespace() + ":{";
        for (Map.Entry<String, String> entry : types.entrySet()) {
            String key = entry.getKey();
            int close = key.indexOf("}:", start.length());
            if (!key.startsWith(start) || close < 0) {
                continue;
            }
            String queue = key.substring(start.length(), close);
            if (!Names.isValid(queue)) {
                continue;
            }
            String rest = key.substring(close + 2);
            QueueKeys q = byQueue.computeIfAbsent(queue, x -> new QueueKeys());
            String type = entry.getValue();
            if (QUEUE_KEY_TYPES.containsKey(rest)) {
                q.queueKeys.put(rest, type);
            } else if (rest.endsWith(":corrupt") || rest.matches(".*:corrupt:\\d+")) {
                q.keptAside.add(key);
            } else if (rest.startsWith("active:")) {
                q.active.put(rest.substring("active:".length()), type);
            } else if (rest.startsWith("job:")) {
                q.jobs.put(rest.substring("job:".length()), type);
            } else if (rest.startsWith("history:")) {
                q.histories.put(rest.substring("history:".length()), type);
            } else if (rest.startsWith("task:")) {
                q.tasks.put(rest.substring("task:".length()), type);
            }
        }
        byQueue.values().removeIf(q -> q.queueKeys.isEmpty() && q.active.isEmpty() && q.jobs.isEmpty() && q.histories.isEmpty()
                && q.tasks.isEmpty() && q.keptAside.isEmpty());
        return byQueue;
    }

    // --- repairing -------------------------------------------------------------------------------

    /** Renames a key of the wrong type to {@code <key>:corrupt} (or {@code :corrupt:<ms>} if that is taken). */
    private boolean setAside(String key, String found, List<AuditFinding> findings, String expected, String then) {
        String aside = redis.run("set aside " + key, true, jedis -> {
            if (!jedis.type(key).equals(found)) {
                return null; // changed meanwhile
            }
            String target = key + ":corrupt";
            if (jedis.renamenx(key, target) == 1) {
                return target;
            }
            target = key + ":corrupt:" + clock.millis();
            jedis.rename(key, target);
            return target;
        });
        if (aside == null) {
            findings.add(wrongType(key, found, expected, false, "left: it changed while the audit ran; run check again"));
            return false;
        }
        findings.add(wrongType(key, found, expected, true, "repaired: set aside as " + aside + "; " + then));
        return true;
    }

    private static AuditFinding wrongType(String key, String found, String expected, boolean repaired, String outcome) {
        return new AuditFinding(Problem.WRONG_TYPE, key, "is " + article(found) + " " + found + ", not " + article(expected) + " "
                + expected, outcome, repaired, true);
    }

    private static String article(String type) {
        return "aeiou".indexOf(type.charAt(0)) < 0 ? "a" : "an";
    }

    /** Runs one action of {@code repair.lua}; true if it did something. */
    boolean repairJob(String queue, String action, String id, String reason) {
        List<String> args = new ArrayList<>(List.of(keys.prefix(queue), queue, Long.toString(clock.millis()), action, id, reason));
        Object reply = redis.run("repair job " + id + " (" + action + ")", true,
                jedis -> redis.eval(jedis, new ScriptCall(Script.REPAIR, keys.scriptKeys(queue), args)));
        return RedisReplies.number(reply) == 1;
    }

    // --- one queue -------------------------------------------------------------------------------

    /** The audit of one queue: its keys' types, then every id against every record. */
    private final class QueueAudit {
        private final String queue;
        private final QueueKeys found;
        private final boolean repair;
        private final List<AuditFinding> findings;
        /** Queue keys that hold another type and were not set aside: what they hold cannot be read. */
        private final Set<String> unreadable = new TreeSet<>();
        private final Map<String, List<String>> places = new HashMap<>();
        private final Map<String, Double> workerExpiry = new HashMap<>();
        private final Map<String, List<String>> inFlight = new TreeMap<>();
        private final Set<String> completed = new java.util.HashSet<>();
        /** Whether an in-flight set could not be read (of the wrong type, not set aside): a job may be in it. */
        private boolean activeUnreadable;

        QueueAudit(String queue, QueueKeys found, boolean repair, List<AuditFinding> findings) {
            this.queue = queue;
            this.found = found;
            this.repair = repair;
            this.findings = findings;
        }

        void run() {
            checkTypes();
            readStructures();
            Map<String, Map<String, String>> records = readRecords();
            for (Map.Entry<String, String> job : found.jobs.entrySet()) {
                String id = job.getKey();
                if (job.getValue().equals("hash")) {
                    checkRecord(id, records.get(id));
                } else {
                    checkWrongTypeRecord(id, job.getValue());
                }
            }
            for (Map.Entry<String, List<String>> entry : places.entrySet()) {
                if (!found.jobs.containsKey(entry.getKey())) {
                    checkMissingRecord(entry.getKey(), entry.getValue());
                }
            }
            checkWorkers();
            checkLeftovers();
        }

        private String key(String name) {
            return keys.prefix(queue) + name;
        }

        private void checkTypes() {
            for (Map.Entry<String, String> expected : QUEUE_KEY_TYPES.entrySet()) {
                String type = found.queueKeys.get(expected.getKey());
                if (type != null && !type.equals(expected.getValue())) {
                    wrong(key(expected.getKey()), type, expected.getValue(), expected.getKey(),
                            "jtc starts it afresh; the jobs whose ids it held are put back from their records");
                }
            }
            for (Map.Entry<String, String> active : new TreeMap<>(found.active).entrySet()) {
                if (!active.getValue().equals("zset")) {
                    wrong(key("active:" + active.getKey()), active.getValue(), "zset", "active:" + active.getKey(),
                            "the jobs whose ids it held are put back from their records");
                    found.active.remove(active.getKey()); // set aside, or unreadable: either way not read below
                    activeUnreadable |= !repair;
                }
            }
            for (Map.Entry<String, String> history : found.histories.entrySet()) {
                if (!history.getValue().equals("list")) {
                    wrong(key("history:" + history.getKey()), history.getValue(), "list", "history:" + history.getKey(),
                            "the job keeps running with a new history");
                }
            }
            for (Map.Entry<String, String> task : found.tasks.entrySet()) {
                if (!task.getValue().equals("hash")) {
                    wrong(key("task:" + task.getKey()), task.getValue(), "hash", "task:" + task.getKey(),
                            "the task counts its ticks afresh from its next one");
                }
            }
        }

        /** A queue key of the wrong type: set aside with repair, else noted as unreadable. True if set aside. */
        private boolean wrong(String key, String type, String expected, String name, String then) {
            if (repair && setAside(key, type, findings, expected, then)) {
                found.queueKeys.remove(name);
                return true;
            }
            if (!repair) {
                findings.add(wrongType(key, type, expected, false, "--repair sets it aside (" + then + ")"));
            }
            unreadable.add(name);
            return false;
        }

        private boolean readable(String name) {
            return !unreadable.contains(name);
        }

        private void readStructures() {
            redis.run("read the lists and sets of queue '" + queue + "'", true, jedis -> {
                if (readable("ready")) {
                    List<String> ready = jedis.lrange(key("ready"), 0, -1);
                    ready.forEach(id -> places.computeIfAbsent(id, x -> new ArrayList<>()).add("ready"));
                }
                for (String zset : List.of("scheduled", "failed")) {
                    if (readable(zset)) {
                        jedis.zrange(key(zset), 0, -1).forEach(id -> places.computeIfAbsent(id, x -> new ArrayList<>()).add(zset));
                    }
                }
                if (readable("completed")) {
                    long now = clock.millis();
                    for (Tuple done : jedis.zrangeWithScores(key("completed"), 0, -1)) {
                        if (done.getScore() > now) {
                            completed.add(done.getElement());
                        }
                    }
                }
                if (readable("workers")) {
                    for (Tuple worker : jedis.zrangeWithScores(key("workers"), 0, -1)) {
                        workerExpiry.put(worker.getElement(), worker.getScore());
                    }
                }
                for (String worker : found.active.keySet()) {
                    List<String> held = jedis.zrange(key("active:" + worker), 0, -1);
                    inFlight.put(worker, held);
                    held.forEach(id -> places.computeIfAbsent(id, x -> new ArrayList<>()).add("active:" + worker));
                }
                return null;
            });
        }

        private Map<String, Map<String, String>> readRecords() {
            String[] fields = {"state", "worker", "runAt", "expiresAt", "reason"};
            List<String> ids = found.jobs.entrySet().stream().filter(e -> e.getValue().equals("hash")).map(Map.Entry::getKey).toList();
            Map<String, Map<String, String>> out = new HashMap<>();
            for (int from = 0; from < ids.size(); from += 1000) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
                List<List<String>> values = redis.run("read the job records of queue '" + queue + "'", true, jedis -> {
                    Pipeline pipeline = jedis.pipelined();
                    List<Response<List<String>>> responses = chunk.stream().map(id -> pipeline.hmget(key("job:" + id), fields)).toList();
                    pipeline.sync();
                    return responses.stream().map(Response::get).toList();
                });
                for (int i = 0; i < chunk.size(); i++) {
                    Map<String, String> record = new HashMap<>();
                    for (int f = 0; f < fields.length; f++) {
                        if (values.get(i).get(f) != null) {
                            record.put(fields[f], values.get(i).get(f));
                        }
                    }
                    out.put(chunk.get(i), record);
                }
            }
            return out;
        }

        private void checkRecord(String id, Map<String, String> record) {
            String jobKey = key("job:" + id);
            String state = record.get("state");
            List<String> where = places.getOrDefault(id, List.of());
            boolean waiting = where.contains("ready") || where.contains("scheduled");
            if (("cancelled".equals(state) || "completed".equals(state))) {
                if (waiting) {
                    stale(id, jobKey, "state '" + state + "' but its id is still " + describe(where));
                }
                return; // a cancelled job is in no structure by design; its record expires
            }
            if (state == null || state.equals("queued") || state.equals("scheduled")) {
                if (waiting) {
                    contradictionIfAlsoElsewhere(id, jobKey, state, where);
                } else if (readable("ready") && readable("scheduled") && where.isEmpty()) {
                    orphan(id, jobKey, "state " + (state == null ? "none (queued)" : "'" + state + "'")
                            + " but its id is in no list or set: no worker will ever take it", "put_back", "",
                            "scheduled".equals(state) ? "into the scheduled set (or on the ready list if it is due)" : "on the ready list");
                } else if (!where.isEmpty()) {
                    left(Problem.STATE_CONTRADICTION, jobKey, "state " + (state == null ? "none (queued)" : "'" + state + "'")
                            + " but its id is " + describe(where), "left: the job may be running or failed; look at it, then"
                            + " fix its state or its place by hand");
                }
                return;
            }
            if (state.equals("active")) {
                String worker = record.get("worker");
                boolean held = worker != null && inFlight.getOrDefault(worker, List.of()).contains(id);
                List<String> others = where.stream().filter(p -> !p.equals("active:" + worker)).toList();
                if (held && !others.isEmpty() && others.stream().allMatch(p -> p.equals("ready") || p.equals("scheduled"))) {
                    stale(id, jobKey, "state 'active' (held by " + worker + ") but its id is also " + describe(others));
                } else if (held && !others.isEmpty()) {
                    left(Problem.STATE_CONTRADICTION, jobKey, "held by " + worker + " and also " + describe(others),
                            "left: decide which place is right and remove the other by hand");
                } else if (!held && where.isEmpty() && !activeUnreadable) {
                    orphan(id, jobKey, "state 'active' (worker '" + worker + "') but no worker holds it and its id is in no"
                            + " list or set", "put_back", "", "at the head of the ready list, its attempt not spent, as recovery would");
                } else if (!held) {
                    left(Problem.STATE_CONTRADICTION, jobKey, "state 'active' (worker '" + worker + "') but its id is "
                            + describe(where), where.contains("ready") || where.contains("scheduled")
                            ? "left: the next fetch moves it to the failed set with the reason; retry it from there"
                            : "left: decide where it belongs and fix it by hand");
                }
                return;
            }
            if (state.equals("failed")) {
                boolean inFailed = where.contains("failed");
                List<String> others = where.stream().filter(p -> !p.equals("failed")).toList();
                if (inFailed && !others.isEmpty() && others.stream().allMatch(p -> p.equals("ready") || p.equals("scheduled"))) {
                    stale(id, jobKey, "state 'failed' but its id is also " + describe(others));
                } else if (!inFailed && where.isEmpty() && readable("failed")) {
                    orphan(id, jobKey, "state 'failed' but its id is not in the failed set: 'failed list' does not show it",
                            "put_back", "", "into the failed set");
                } else if (!others.isEmpty()) {
                    left(Problem.STATE_CONTRADICTION, jobKey, "state 'failed' but its id is " + describe(where),
                            waiting ? "left: the next fetch moves it to the failed set" : "left: fix it by hand");
                }
                return;
            }
            // A state no producer writes and jtc never writes.
            String problem = "unknown state '" + Names.shortened(state) + "'";
            if (where.isEmpty()) {
                orphan(id, jobKey, problem + " and its id is in no list or set", "fail", problem + " (a producer writes 'queued' or"
                        + " 'scheduled', or no state); its id was in no list or set (found by check)", "into the failed set with the reason");
            } else {
                left(Problem.STATE_CONTRADICTION, jobKey, problem + "; its id is " + describe(where), waiting
                        ? "left: the next fetch moves it to the failed set with the reason" : "left: fix its state by hand");
            }
        }

        private void contradictionIfAlsoElsewhere(String id, String jobKey, String state, List<String> where) {
            List<String> others = where.stream().filter(p -> !p.equals("ready") && !p.equals("scheduled")).toList();
            if (!others.isEmpty()) {
                left(Problem.STATE_CONTRADICTION, jobKey, "state " + (state == null ? "none (queued)" : "'" + state + "'")
                        + " but its id is " + describe(where), "left: it could run twice; decide which place is right and remove"
                        + " the other by hand");
            }
        }

        private void checkWrongTypeRecord(String id, String type) {
            String jobKey = key("job:" + id);
            List<String> where = places.getOrDefault(id, List.of());
            String detail = "the job record is " + article(type) + " " + type + ", not a hash" + (where.isEmpty() ? ", and its id is"
                    + " in no list or set" : "; its id is " + describe(where));
            String reason = "job record " + jobKey + " is " + article(type) + " " + type + ", not a hash (found by check)";
            if (where.isEmpty()) {
                repairOrNot(Problem.WRONG_TYPE, jobKey, detail, "fail", id, reason,
                        "into the failed set, the value kept at " + jobKey + ":corrupt");
            } else if (where.stream().allMatch(p -> p.equals("ready") || p.equals("scheduled"))) {
                repairOrNot(Problem.WRONG_TYPE, jobKey, detail, "fail_missing", id, reason + "; its id was " + describe(where),
                        "into the failed set, the value kept at " + jobKey + ":corrupt");
            } else {
                left(Problem.WRONG_TYPE, jobKey, detail, where.contains("failed")
                        ? "left: 'failed list' shows it as a job without a record; 'failed delete' removes it"
                        : "left: its worker's acknowledgement, or recovery, moves it to the failed set");
            }
        }

        private void checkMissingRecord(String id, List<String> where) {
            String jobKey = key("job:" + id);
            boolean waiting = where.contains("ready") || where.contains("scheduled");
            if (waiting && completed.contains(id)) {
                stale(id, jobKey, "its id is " + describe(where) + " but the job completed");
            } else if (waiting) {
                repairOrNot(Problem.MISSING_RECORD, jobKey, "its id is " + describe(where) + " but it has no record",
                        "fail_missing", id, "job record " + jobKey + " is missing; its id was " + describe(where) + " (found by check)",
                        "into the failed set with the reason, as the next fetch would");
            } else if (where.contains("failed")) {
                left(Problem.MISSING_RECORD, jobKey, "its id is in the failed set but it has no record",
                        "left: 'failed list' shows it as a job without a record; 'failed delete " + id + "' removes it");
            } else {
                left(Problem.MISSING_RECORD, jobKey, "its id is " + describe(where) + " but it has no record",
                        "left: its worker's acknowledgement, or recovery, moves it to the failed set");
            }
        }

        private void checkWorkers() {
            long now = clock.millis();
            for (Map.Entry<String, List<String>> held : inFlight.entrySet()) {
                String worker = held.getKey();
                if (held.getValue().isEmpty() || !readable("workers")) {
                    continue;
                }
                Double expiry = workerExpiry.get(worker);
                String activeKey = key("active:" + worker);
                if (expiry != null && expiry > now) {
                    continue; // alive
                }
                String detail = held.getValue().size() + " job(s) in flight on worker " + worker + (expiry == null
                        ? ", which is not in " + key("workers") + ": no recovery pass will ever take them back"
                        : ", whose heartbeat ran out at " + Instant.ofEpochMilli(expiry.longValue()));
                if (!repair) {
                    findings.add(new AuditFinding(Problem.DEAD_WORKER_JOBS, activeKey, detail, expiry == null
                            ? "--repair takes them back now" : "--repair takes them back now (else the next recovery pass does)",
                            false, true));
                    continue;
                }
                List<Object> reply = RedisReplies.list(redis.run("take back the jobs of worker " + worker, true, jedis -> {
                    if (expiry == null) {
                        jedis.zadd(key("workers"), 0, worker, ZAddParams.zAddParams().nx()); // so that recovery sees it
                    }
                    List<String> args = new ArrayList<>(List.of(keys.prefix(queue), queue, Long.toString(clock.millis()),
                            Integer.toString(MAX_RECOVERIES)));
                    return redis.eval(jedis, new ScriptCall(Script.RECOVER, keys.scriptKeys(queue), args));
                }));
                findings.add(new AuditFinding(Problem.DEAD_WORKER_JOBS, activeKey, detail, "repaired: took them back: "
                        + RedisReplies.number(reply.get(0)) + " onto the ready list, " + RedisReplies.number(reply.get(1))
                        + " to the failed set", true, true));
            }
        }

        private void checkLeftovers() {
            for (Map.Entry<String, String> history : found.histories.entrySet()) {
                String id = history.getKey();
                if (!found.jobs.containsKey(id) && !completed.contains(id)) {
                    left(Problem.LEFTOVER, key("history:" + id), "a history of a job that has no record",
                            "left: nothing reads it; delete it with DEL when it is not needed");
                }
            }
            for (String aside : found.keptAside) {
                left(Problem.LEFTOVER, aside, "a copy of damaged data, kept aside for inspection",
                        "left: nothing reads it; delete it with DEL once inspected");
            }
        }

        // --- outcomes --------------------------------------------------------------------------

        private void orphan(String id, String jobKey, String detail, String action, String reason, String where) {
            repairOrNot(Problem.ORPHAN_RECORD, jobKey, detail, action, id, reason, where);
        }

        private void stale(String id, String jobKey, String detail) {
            repairOrNot(Problem.STATE_CONTRADICTION, jobKey, detail, "drop_stale", id, "", null);
        }

        /** {@code where} the repair puts the job ("on the ready list"); null for removing a stale entry. */
        private void repairOrNot(Problem problem, String key, String detail, String action, String id, String reason, String where) {
            if (!repair) {
                findings.add(new AuditFinding(problem, key, detail, where == null ? "--repair removes the stale entry"
                        : "--repair puts it " + where, false, true));
            } else if (repairJob(queue, action, id, reason)) {
                findings.add(new AuditFinding(problem, key, detail, where == null ? "repaired: removed the stale entry"
                        : "repaired: put it " + where, true, true));
            } else {
                findings.add(new AuditFinding(problem, key, detail, "left: it changed while the audit ran; run check again",
                        false, true));
            }
        }

        private void left(Problem problem, String key, String detail, String outcome) {
            findings.add(new AuditFinding(problem, key, detail, outcome, false, false));
        }

        private String describe(List<String> where) {
            List<String> parts = new ArrayList<>();
            for (String place : where) {
                parts.add(switch (place) {
                    case "ready" -> "on the ready list";
                    case "scheduled" -> "in the scheduled set";
                    case "failed" -> "in the failed set";
                    default -> "in the in-flight set of " + place.substring("active:".length());
                });
            }
            return String.join(" and ", parts);
        }
    }
}
