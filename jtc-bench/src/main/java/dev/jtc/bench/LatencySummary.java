package dev.jtc.bench;

/**
 * The percentiles of one latency phase, in microseconds: what the result table and files show.
 *
 * @param count how many jobs were measured
 * @param p50 the median enqueue-to-start latency
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the slowest job
 * @param lagP99 the 99th percentile of how late the producers sent against their schedule; small
 *     means the offered load really was steady (no coordinated omission hides in the figures)
 * @param enqueueP99 the 99th percentile of the enqueue call alone (stamp to the call's return), the
 *     producer's share of the latency
 */
record LatencySummary(long count, double p50, double p99, double p999, double max, double lagP99, double enqueueP99) {}
