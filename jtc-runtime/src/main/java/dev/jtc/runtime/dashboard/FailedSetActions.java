package dev.jtc.runtime.dashboard;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.FailedJob;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's changes to the failed set. "Retry all" first lists the ids, then retries each:
 * retrying while paging would shift the pages under the cursor, and a job that fails again at once
 * must not be retried twice in one click.
 */
final class FailedSetActions {

    private static final int PAGE = 500;

    private final Broker broker;

    FailedSetActions(Broker broker) {
        this.broker = broker;
    }

    boolean retry(String jobId) {
        return broker.retryFailed(jobId);
    }

    boolean delete(String jobId) {
        return broker.deleteFailed(jobId);
    }

    /** Retries every job that is in the failed set now; returns how many went back to their queues. */
    long retryAll() {
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<FailedJob> page = broker.failedJobs(offset, PAGE);
            page.forEach(failed -> ids.add(failed.job().id()));
            if (page.size() < PAGE) {
                break;
            }
        }
        long retried = 0;
        for (String id : ids) {
            if (broker.retryFailed(id)) {
                retried++;
            }
        }
        return retried;
    }

    long purge() {
        return broker.purgeFailed();
    }
}
