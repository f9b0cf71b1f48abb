package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.HistoryResolution;
import java.util.List;

/**
 * Every Redis key name jtc uses, in one place. Keys of one queue share the hash tag
 * {@code {queue}} ({@code jtc:{mail}:ready}), so a script that touches them all stays in one
 * slot. Three small keys are not per queue: the set of known queues, the worker registry and the
 * directory from scheduled task to queue. The layout is documented in {@code docs/wire-protocol.md}.
 */
final class RedisKeys {

    private final String namespace;

    RedisKeys(String namespace) {
        this.namespace = namespace;
    }

    String namespace() {
        return namespace;
    }

    /** SET of every queue name that ever had a job, a worker or a tick. */
    String queues() {
        return namespace + ":queues";
    }

    /** HASH worker id → worker JSON (with its heartbeat expiry). */
    String workers() {
        return namespace + ":workers";
    }

    /** HASH scheduled task name → the queue whose slot holds the task's tick record. */
    String tasks() {
        return namespace + ":tasks";
    }

    /** The prefix of every key of {@code queue}: {@code <ns>:{<queue>}:}. */
    String prefix(String queue) {
        return namespace + ":{" + queue + "}:";
    }

    String ready(String queue) {
        return prefix(queue) + "ready";
    }

    /** ZSET of the ids of delayed jobs and retries, scored by when they become ready. */
    String scheduled(String queue) {
        return prefix(queue) + "scheduled";
    }

    /** ZSET worker id → heartbeat expiry of the workers that listen to or fetched from {@code queue}. */
    String queueWorkers(String queue) {
        return prefix(queue) + "workers";
    }

    /** ZSET of the ids {@code worker} holds from {@code queue} (its in-flight set), scored by fetch time. */
    String active(String queue, String worker) {
        return prefix(queue) + "active:" + worker;
    }

    String signal(String queue) {
        return prefix(queue) + "signal";
    }

    /** ZSET of recently completed job ids, scored by when their completed status expires. */
    String completed(String queue) {
        return prefix(queue) + "completed";
    }

    /** LIST of the last {@code Broker.RECENT_COMPLETED_KEPT} completed jobs (JSON), newest first. */
    String recent(String queue) {
        return prefix(queue) + "recent";
    }

    /** HASH processed/failed of one history bucket starting at {@code start} (ms), expiring with its retention. */
    String bucket(String queue, HistoryResolution resolution, long start) {
        return prefix(queue) + resolution.wireName() + ":" + start;
    }

    String job(String queue, String id) {
        return prefix(queue) + "job:" + id;
    }

    String history(String queue, String id) {
        return prefix(queue) + "history:" + id;
    }

    String task(String queue, String task) {
        return prefix(queue) + "task:" + task;
    }

    /**
     * The prefix of the keys of one limit shared by every worker, {@code <ns>:limit:{<key>}:}: its
     * holds ({@code lease}, ZSET) and its counted starts ({@code rate}, ZSET). Each limit has a
     * hash tag of its own, so limits spread over a cluster's shards.
     */
    String limitPrefix(String key) {
        return namespace + ":limit:{" + key + "}:";
    }

    /**
     * The KEYS every script of {@code queue} is called with, in the order the scripts expect:
     * ready, scheduled, unique, signal, failed, workers, stats, completed, recent, paused.
     */
    List<String> scriptKeys(String queue) {
        String p = prefix(queue);
        return List.of(p + "ready", p + "scheduled", p + "unique", p + "signal", p + "failed", p + "workers", p + "stats",
                p + "completed", p + "recent", p + "paused");
    }
}
