package dev.jtc.bench;

import java.util.List;

/**
 * CPU time spent per job during one phase, in microseconds: by redis-server, and by the client
 * process that produced and consumed (the JVM, or Node for BullMQ); plus the Redis commands that
 * took most of the server's time, which is what says where a system's Redis cost comes from.
 * {@code NaN} when not measured.
 *
 * @param redisMicros redis-server's CPU time (user + system) per job
 * @param clientMicros the client process's CPU time per job
 * @param redisCommands the commands Redis spent most time in (from {@code INFO commandstats}), most first
 */
record CpuPerJob(double redisMicros, double clientMicros, List<CommandCost> redisCommands) {

    static final CpuPerJob UNKNOWN = new CpuPerJob(Double.NaN, Double.NaN, List.of());

    CpuPerJob {
        redisCommands = List.copyOf(redisCommands);
    }

    CpuPerJob(double redisMicros, double clientMicros) {
        this(redisMicros, clientMicros, List.of());
    }

    /**
     * One command's share of a phase: calls and time inside Redis per job. A script's time
     * ({@code evalsha}) includes the commands it ran, which are also listed on their own.
     */
    record CommandCost(String command, double callsPerJob, double micros) {}
}
