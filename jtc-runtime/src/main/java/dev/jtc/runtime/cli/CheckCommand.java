package dev.jtc.runtime.cli;

import dev.jtc.runtime.redis.AuditFinding;
import dev.jtc.runtime.redis.AuditReport;
import dev.jtc.runtime.redis.RedisBroker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code check [--repair]}: audits the namespace's data in Redis ({@link dev.jtc.runtime.redis.RedisAudit})
 * and prints one line per problem with what was done about it. The exit code is 0 when nothing is
 * wrong (any more), 1 when something is left for a person.
 */
@Command(name = "check", description = "Audit the Redis data of the namespace: keys of the wrong type, jobs in no list or set,"
        + " ids without their record, states that contradict where a job is, dead workers' jobs. --repair puts back what"
        + " it safely can.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions brokerOptions;

    @Option(names = "--repair", description = "Repair what can be repaired safely, and say what was left.")
    boolean repair;

    private final CliContext context;

    CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        brokerOptions.resolveWith(context);
        if (brokerOptions.kind() == BrokerOptions.Kind.MEMORY) {
            context.out.println("nothing to check: the in-memory broker keeps its jobs in this process only, and no other"
                    + " program can write to it (use --broker redis)");
            return 0;
        }
        AuditReport report;
        // Its own connection, whatever broker the other commands open: the audit reads Redis itself.
        try (RedisBroker broker = brokerOptions.openRedis(2)) {
            report = broker.audit().run(repair);
        }
        context.out.println("Checked " + brokerOptions.describe() + ": " + report.queues() + " queue(s), " + report.jobRecords()
                + " job record(s)");
        if (report.findings().isEmpty()) {
            context.out.println("nothing is wrong");
            context.out.flush();
            return 0;
        }
        TextTable table = new TextTable("PROBLEM", "KEY", "WHAT", "DONE");
        for (AuditFinding f : report.findings()) {
            table.row(f.problem().label(), f.key(), f.detail(), f.outcome());
        }
        table.print(context.out);
        long left = report.left().size();
        long repairable = report.left().stream().filter(AuditFinding::repairable).count();
        if (repair) {
            context.out.println(report.findings().size() + " problem(s): " + report.repaired() + " repaired, " + left + " left");
        } else {
            context.out.println(report.findings().size() + " problem(s), nothing changed; check --repair repairs " + repairable
                    + " of them");
        }
        context.out.flush();
        return report.clean() ? 0 : 1;
    }
}
