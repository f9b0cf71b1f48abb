package dev.jtc.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * Reads how much CPU time redis-server and this JVM have used, so a phase can report CPU per job
 * next to its wall-clock figures. On a machine whose cores are shared (with Redis, and with
 * whatever else runs) CPU per job is the steadier measure of how much work a system does for a
 * job; throughput says how that work fits on the cores.
 */
final class CpuMeter implements AutoCloseable {

    /** CPU microseconds used so far by redis-server (user + system, its main process) and by this JVM. */
    record Reading(double redisMicros, double clientMicros) {}

    private final Jedis redis;
    private final com.sun.management.OperatingSystemMXBean os;

    CpuMeter(int redisPort) {
        this.redis = RedisFloor.connect(redisPort);
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    }

    private static final int TOP_COMMANDS = 6;

    /** The CPU used so far; also starts Redis' command statistics afresh. */
    synchronized Reading read() {
        redis.configResetStat();
        double redisSeconds = 0;
        for (String line : redis.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                redisSeconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new Reading(redisSeconds * 1e6, os.getProcessCpuTime() / 1e3);
    }

    /** The CPU used between {@code start} and now, per job. */
    CpuPerJob since(Reading start, long jobs) {
        List<CpuPerJob.CommandCost> commands = topCommands(jobs);
        Reading end = read();
        if (jobs == 0) {
            return CpuPerJob.UNKNOWN;
        }
        return new CpuPerJob((end.redisMicros() - start.redisMicros()) / jobs, (end.clientMicros() - start.clientMicros()) / jobs,
                commands);
    }

    /** From lines such as {@code cmdstat_evalsha:calls=11739,usec=3321492,usec_per_call=282.95,...}. */
    private synchronized List<CpuPerJob.CommandCost> topCommands(long jobs) {
        List<CpuPerJob.CommandCost> costs = new ArrayList<>();
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_") || jobs == 0) {
                continue;
            }
            String command = line.substring("cmdstat_".length(), line.indexOf(':'));
            if (command.equals("info") || command.startsWith("config")) {
                continue; // the meter's own
            }
            long calls = 0;
            long usec = 0;
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                if (field.startsWith("calls=")) {
                    calls = Long.parseLong(field.substring("calls=".length()));
                } else if (field.startsWith("usec=")) {
                    usec = Long.parseLong(field.substring("usec=".length()));
                }
            }
            costs.add(new CpuPerJob.CommandCost(command, (double) calls / jobs, (double) usec / jobs));
        }
        costs.sort(Comparator.comparingDouble(CpuPerJob.CommandCost::micros).reversed());
        return costs.subList(0, Math.min(TOP_COMMANDS, costs.size()));
    }

    @Override
    public synchronized void close() {
        redis.close();
    }
}
