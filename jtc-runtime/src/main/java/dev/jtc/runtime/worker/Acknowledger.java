package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.BrokenKeyException;
import dev.jtc.runtime.broker.BrokenKeyWarnings;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.worker.Outcome.Completed;
import dev.jtc.runtime.worker.Outcome.Failed;
import dev.jtc.runtime.worker.Outcome.Postponed;
import dev.jtc.runtime.worker.Outcome.Rejected;
import dev.jtc.runtime.worker.Outcome.Released;
import dev.jtc.runtime.worker.Outcome.Retried;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the outcomes of attempts to the broker from one thread, in the order they happened.
 * Completions (and releases) that pile up while the broker is busy go in one call, so a busy
 * worker acknowledges many jobs per round trip. An acknowledgement the broker refuses with a
 * {@link BrokerException} is retried with backoff, never dropped: until it succeeds the job stays
 * in this worker's in-flight set, where it is safe. Only at shutdown, once its deadline has
 * passed, does it give up, and then the jobs are still in flight and another worker recovers
 * them (at-least-once).
 *
 * <p>An acknowledgement refused because one of the broker's keys holds the wrong type of data
 * ({@link BrokenKeyException}: nothing was changed) is set aside and sent again after 1 s, then
 * after twice as long each time up to 30 s, while the others go on; it is logged once when it
 * starts and then every few minutes. Its jobs stay in this worker's in-flight set meanwhile.
 */
final class Acknowledger {

    private static final Logger log = LoggerFactory.getLogger(Acknowledger.class);

    private final Broker broker;
    private final String workerId;
    private final WorkerListener listener;
    private final ErrorBackoff backoff;
    /** Outcomes submitted together stay together, so that they are acknowledged in one broker call. */
    private final LinkedBlockingQueue<List<Outcome>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile long giveUpAtNanos = Long.MAX_VALUE;
    private volatile int abandoned;
    /** Groups refused because of a broken key, to send again later; only the acknowledger's thread touches it. */
    private final List<Parked> parked = new ArrayList<>();
    private volatile int parkedOutcomes;
    private final BrokenKeyWarnings brokenKeys = new BrokenKeyWarnings();

    private record Parked(List<Outcome> group, long retryAtNanos, Duration delay) {}

    static final Duration PARKED_FIRST = Duration.ofSeconds(1);
    static final Duration PARKED_CAP = Duration.ofSeconds(30);

    Acknowledger(Broker broker, String workerId, WorkerListener listener, Sleeper sleeper) {
        this.broker = broker;
        this.workerId = workerId;
        this.listener = listener;
        this.backoff = new ErrorBackoff("acknowledging jobs", log, sleeper);
        this.thread = new Thread(this::run, "jtc-ack-" + workerId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void submit(Outcome outcome) {
        queue.add(List.of(outcome));
    }

    /**
     * Submits outcomes that belong together: consecutive ones of the same kind (several releases at
     * shutdown) go to the broker in one call, in this order.
     */
    void submitAll(List<Outcome> outcomes) {
        if (!outcomes.isEmpty()) {
            queue.add(List.copyOf(outcomes));
        }
    }

    /**
     * Acknowledges everything submitted so far, then stops. Gives up after {@code maxWait} if the
     * broker keeps failing; returns how many outcomes were left unacknowledged (they stay in flight).
     */
    int close(Duration maxWait) throws InterruptedException {
        giveUpAtNanos = System.nanoTime() + maxWait.toNanos();
        closing = true;
        thread.join(maxWait.plus(ErrorBackoff.CAP).plusSeconds(1).toMillis());
        int left = abandoned + pending() + parkedOutcomes;
        if (thread.isAlive()) {
            log.error("acknowledger of worker {} did not finish within {}; the unacknowledged jobs stay in flight"
                    + " and another worker will recover them", workerId, maxWait);
        }
        return left;
    }

    private void run() {
        try {
            while (true) {
                List<Outcome> first = queue.poll(50, TimeUnit.MILLISECONDS);
                boolean last = closing && first == null;
                retryParked(last);
                if (first == null) {
                    if (last) {
                        if (!parked.isEmpty()) {
                            log.error("worker {}: {} acknowledgement(s) still refused because of a broken key at shutdown;"
                                    + " their jobs stay in this worker's in-flight set, for recovery once the key is repaired",
                                    workerId, parkedOutcomes);
                        }
                        return;
                    }
                    continue;
                }
                List<List<Outcome>> submitted = new ArrayList<>();
                submitted.add(first);
                queue.drainTo(submitted);
                List<Outcome> batch = new ArrayList<>();
                submitted.forEach(batch::addAll);
                process(batch);
            }
        } catch (InterruptedException e) {
            log.warn("acknowledger of worker {} interrupted; {} outcomes stay unacknowledged (in flight, recoverable)",
                    workerId, pending());
            Thread.currentThread().interrupt();
        }
    }

    private int pending() {
        return queue.stream().mapToInt(List::size).sum();
    }

    private void process(List<Outcome> batch) throws InterruptedException {
        int i = 0;
        while (i < batch.size()) {
            Outcome outcome = batch.get(i);
            int end = i + 1;
            if (outcome instanceof Completed || outcome instanceof Released) {
                while (end < batch.size() && batch.get(end).getClass() == outcome.getClass()) {
                    end++;
                }
            }
            List<Outcome> group = batch.subList(i, end);
            Sent sent = acknowledge(group);
            if (sent == Sent.REFUSED) {
                park(List.copyOf(group), PARKED_FIRST);
            } else if (sent == Sent.GAVE_UP) {
                abandoned += batch.size() - i;
                log.error("gave up acknowledging {} jobs at shutdown because the broker kept failing; they stay in"
                        + " worker {}'s in-flight set and another worker will recover them", batch.size() - i, workerId);
                return;
            }
            i = end;
        }
    }

    private enum Sent { DONE, REFUSED, GAVE_UP }

    /**
     * Sends one group to the broker, retrying while the broker is away; {@code REFUSED} if a broken
     * key refused it (nothing changed), {@code GAVE_UP} only if shutdown's deadline passed.
     */
    private Sent acknowledge(List<Outcome> group) throws InterruptedException {
        while (true) {
            try {
                send(group);
                backoff.succeeded();
                break;
            } catch (BrokenKeyException e) {
                int refusals = brokenKeys.refused(e.brokenKey());
                if (refusals > 0) {
                    log.warn("worker {}: {}{}; the job(s) {} stay in this worker's in-flight set and are acknowledged again"
                            + " every few seconds until the key is repaired; other acknowledgements go on", workerId,
                            e.getMessage(), refusals > 1 ? " (still, " + refusals + " refusals since the last mention)" : "",
                            ids(group));
                }
                return Sent.REFUSED;
            } catch (BrokerException e) {
                if (System.nanoTime() - giveUpAtNanos > 0) {
                    return Sent.GAVE_UP;
                }
                backoff.failed(e);
            }
        }
        for (Outcome outcome : group) {
            announce(outcome);
        }
        return Sent.DONE;
    }

    private void park(List<Outcome> group, Duration wait) {
        parked.add(new Parked(group, System.nanoTime() + wait.toNanos(), wait));
        parkedOutcomes += group.size();
    }

    /** Sends again the refused groups whose wait is over (all of them when {@code all}, at shutdown). */
    private void retryParked(boolean all) throws InterruptedException {
        if (parked.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<Parked> due = new ArrayList<>();
        for (Parked p : parked) {
            if (all || p.retryAtNanos() - now <= 0) {
                due.add(p);
            }
        }
        for (Parked p : due) {
            parked.remove(p);
            parkedOutcomes -= p.group().size();
            Sent sent = acknowledge(p.group());
            if (sent == Sent.REFUSED) {
                park(p.group(), p.delay().multipliedBy(2).compareTo(PARKED_CAP) > 0 ? PARKED_CAP : p.delay().multipliedBy(2));
            } else if (sent == Sent.DONE) {
                String queue = p.group().get(0).job().queue();
                if (brokenKeys.worked(queue)) {
                    log.info("worker {}: acknowledgements on queue '{}' work again", workerId, queue);
                }
            } else {
                abandoned += p.group().size();
            }
        }
    }

    private static String ids(List<Outcome> group) {
        List<String> ids = group.stream().map(o -> o.job().id()).toList();
        return ids.size() <= 3 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
    }

    private void send(List<Outcome> group) {
        Outcome first = group.get(0);
        if (first instanceof Completed) {
            broker.complete(workerId, jobs(group));
        } else if (first instanceof Released) {
            broker.release(workerId, jobs(group));
        } else if (first instanceof Retried r) {
            broker.retry(workerId, r.job(), r.failure(), r.retryAt());
        } else if (first instanceof Failed f) {
            broker.fail(workerId, f.job(), f.failure());
        } else if (first instanceof Rejected r) {
            broker.reject(workerId, r.job(), r.failure());
        } else if (first instanceof Postponed p) {
            broker.postpone(workerId, p.job(), p.runAt());
        }
    }

    private void announce(Outcome outcome) {
        if (outcome instanceof Completed c) {
            listener.jobCompleted(c.job(), c.took());
        } else if (outcome instanceof Released r) {
            listener.jobReleased(r.job());
        } else if (outcome instanceof Retried r) {
            listener.jobRetried(r.job(), r.failure(), r.retryAt());
        } else if (outcome instanceof Failed f) {
            listener.jobFailed(f.job(), f.failure());
        } else if (outcome instanceof Rejected r) {
            listener.jobFailed(r.job(), r.failure());
        } else if (outcome instanceof Postponed p) {
            listener.jobPostponed(p.job(), p.runAt(), p.reason());
        }
    }

    private static List<JobMessage> jobs(List<Outcome> group) {
        return group.stream().map(Outcome::job).toList();
    }
}
