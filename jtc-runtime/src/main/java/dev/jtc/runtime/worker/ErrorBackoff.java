package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.BrokerException;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * What a worker loop does when the broker fails (Redis restarting, a network blip): it logs one
 * line when the trouble starts and one when it is over, and in between waits exponentially longer
 * before each new try, from 100 ms up to 5 s, so a loop never dies and never spins. One instance
 * per loop; not thread-safe.
 */
final class ErrorBackoff {

    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration CAP = Duration.ofSeconds(5);

    private final String operation;
    private final Logger log;
    private final Sleeper sleeper;
    private Duration next = FIRST;
    private int failures;

    ErrorBackoff(String operation, Logger log, Sleeper sleeper) {
        this.operation = operation;
        this.log = log;
        this.sleeper = sleeper;
    }

    /** Records a failed try and waits before the next one. */
    void failed(BrokerException error) throws InterruptedException {
        failures++;
        if (failures == 1) {
            log.warn("{} failed: {} (retrying with backoff up to {}s until the broker answers)", operation,
                    error.getMessage(), CAP.toSeconds());
        } else {
            log.debug("{} failed again ({} times): {}", operation, failures, error.getMessage());
        }
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(CAP) > 0 ? CAP : next.multipliedBy(2);
        sleeper.sleep(wait);
    }

    /** Records a successful try; the next failure starts the backoff afresh. */
    void succeeded() {
        if (failures > 0) {
            log.info("{} works again after {} failed tries", operation, failures);
        }
        failures = 0;
        next = FIRST;
    }

    boolean failing() {
        return failures > 0;
    }
}
