package dev.jtc.runtime.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.Lease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Holds a worker's jobs to their declared {@link JobLimits}, atomically in the broker so that
 * every worker together keeps them: "without overlapping" and {@code maxConcurrency} are leases
 * under the job's (and key's) name, {@code rateLimit} a sliding window. The leases live as long as
 * the worker renews them with its heartbeat, so a dead worker's lapse with it.
 */
final class JobLimiter {

    /** How long a job held back by a lease waits, on average, before it is tried again. */
    static final Duration LEASE_WAIT = Duration.ofSeconds(1);

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Broker broker;
    private final String workerId;
    private final Clock clock;
    private final Duration leaseTtl;
    private final Set<Lease> held = ConcurrentHashMap.newKeySet();

    JobLimiter(Broker broker, String workerId, Clock clock, Duration leaseTtl) {
        this.broker = broker;
        this.workerId = workerId;
        this.clock = clock;
        this.leaseTtl = leaseTtl;
    }

    /**
     * What a limit said about one attempt: the leases it holds while it runs, or when it may be
     * tried again and why not now.
     */
    record Admission(List<Lease> leases, Instant waitUntil, String reason) {
        boolean admitted() {
            return waitUntil == null;
        }
    }

    /**
     * Takes what {@code job}'s limits need for one attempt: its leases first, then a start of its
     * rate limit, so that a start is only counted for an attempt that runs. Whatever was taken for
     * an attempt that may not run is given back.
     */
    Admission admit(JobMessage job, JobType type) {
        JobLimits limits = type.limits();
        List<Lease> taken = new ArrayList<>(2);
        try {
            if (limits.withoutOverlapping()) {
                Lease lease = new Lease(key("overlap", job, limits.overlapKey()), holder(job));
                if (!broker.acquireLease(lease.key(), lease.holder(), 1, leaseTtl)) {
                    return held(taken, jittered(LEASE_WAIT), "another attempt holds " + lease.key());
                }
                hold(taken, lease);
            }
            if (limits.maxConcurrency() > 0) {
                Lease lease = new Lease(key("concurrency", job, limits.limitKey()), holder(job));
                if (!broker.acquireLease(lease.key(), lease.holder(), limits.maxConcurrency(), leaseTtl)) {
                    return held(taken, jittered(LEASE_WAIT), limits.maxConcurrency() + " attempts already run under " + lease.key());
                }
                hold(taken, lease);
            }
            if (limits.hasRate()) {
                String key = key("rate", job, limits.limitKey());
                Optional<Instant> next = broker.acquireRate(key, job.id(), limits.rateCount(), limits.ratePer());
                if (next.isPresent()) {
                    // Spread the jobs waiting for the same window over the time one start is worth.
                    long spread = Math.max(1, limits.ratePer().toMillis() / limits.rateCount());
                    Instant at = next.get().plusMillis(ThreadLocalRandom.current().nextLong(spread));
                    return held(taken, at, limits.rateCount() + " starts per " + limits.ratePer() + " reached under " + key);
                }
            }
            return new Admission(List.copyOf(taken), null, null);
        } catch (RuntimeException e) {
            release(taken);
            throw e;
        }
    }

    /** This worker's attempt of the job: a job fetched again elsewhere (recovered) is another holder. */
    private String holder(JobMessage job) {
        return workerId + ":" + job.id();
    }

    private void hold(List<Lease> taken, Lease lease) {
        taken.add(lease);
        held.add(lease);
    }

    private Admission held(List<Lease> taken, Instant until, String reason) {
        release(taken);
        return new Admission(List.of(), until, reason);
    }

    private Instant jittered(Duration mean) {
        long millis = mean.toMillis();
        return clock.instant().plusMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis + 1));
    }

    /**
     * Gives back the leases of an attempt that ended. They stop being renewed at once, so one the
     * broker cannot take back now lapses within the lease TTL; the first failure is rethrown after
     * every lease was tried.
     */
    void release(List<Lease> leases) {
        leases.forEach(held::remove);
        RuntimeException failed = null;
        for (Lease lease : leases) {
            try {
                broker.releaseLease(lease);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Renews every held lease for another TTL; returns those that had lapsed, which are no longer renewed. */
    List<Lease> renew() {
        if (held.isEmpty()) {
            return List.of();
        }
        List<Lease> lapsed = broker.renewLeases(List.copyOf(held), leaseTtl);
        lapsed.forEach(held::remove);
        return lapsed;
    }

    /** Every lease held by a running attempt. */
    List<Lease> held() {
        return List.copyOf(held);
    }

    /**
     * The limit's key: {@code <kind>:<job name>}, then {@code :<value>} of the payload field when
     * the limit is keyed. A value that is not plain ({@code [A-Za-z0-9._-]}, at most 100) is
     * replaced by {@code h} and 32 hex digits of its SHA-256, so that any value makes a valid key.
     */
    static String key(String kind, JobMessage job, String field) {
        String key = kind + ":" + job.name();
        if (field.isEmpty()) {
            return key;
        }
        String value = fieldValue(job.payload(), field);
        return key + ":" + (PLAIN_VALUE.matcher(value).matches() ? value : "h" + sha256(value).substring(0, 32));
    }

    /** The text of a top-level scalar field of a JSON object; {@code "null"} when absent, null or not a scalar. */
    static String fieldValue(String payload, String field) {
        try (JsonParser in = JSON.createParser(payload)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return "null";
            }
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals(field)) {
                    return value.isScalarValue() && value != JsonToken.VALUE_NULL ? in.getText() : "null";
                }
                in.skipChildren();
            }
            return "null";
        } catch (IOException e) {
            return "null"; // an undecodable payload is rejected when the job decodes it; its limit is the null one
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
