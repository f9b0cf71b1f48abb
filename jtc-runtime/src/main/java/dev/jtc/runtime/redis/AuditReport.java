package dev.jtc.runtime.redis;

import java.util.List;

/**
 * What {@link RedisAudit} found in one namespace.
 *
 * @param namespace the namespace checked
 * @param queues how many queues it looked at
 * @param jobRecords how many job records it read
 * @param findings everything wrong, in the order found (queue by queue)
 */
public record AuditReport(String namespace, int queues, long jobRecords, List<AuditFinding> findings) {

    public AuditReport {
        findings = List.copyOf(findings);
    }

    /** Whether nothing is wrong any more: nothing was found, or everything found was repaired. */
    public boolean clean() {
        return findings.stream().allMatch(AuditFinding::repaired);
    }

    public long repaired() {
        return findings.stream().filter(AuditFinding::repaired).count();
    }

    /** Findings not repaired in this run (whether {@code --repair} could repair them or not). */
    public List<AuditFinding> left() {
        return findings.stream().filter(f -> !f.repaired()).toList();
    }
}
