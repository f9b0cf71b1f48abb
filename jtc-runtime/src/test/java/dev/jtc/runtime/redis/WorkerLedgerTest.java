package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a worker holds, as the reconciliation after a lost fetch reply sees it. A job's retry can
 * be fetched by the same worker before the retry's own acknowledgement has been recorded here;
 * the job is then held again, and must not look unknown (reconciliation would put it back while
 * it runs, and another worker would run it too).
 */
class WorkerLedgerTest {

    @Test
    void aJobFetchedAgainBeforeItsLastAttemptWasAcknowledgedIsStillHeld() {
        WorkerLedger ledger = new WorkerLedger();
        ledger.delivered("j1", "default"); // attempt 1
        ledger.delivered("j1", "default"); // its retry, fetched while the retry call was returning
        ledger.acknowledged("j1"); // the retry call of attempt 1 returns

        assertEquals(List.of("j1"), ledger.heldFrom("default"));
        ledger.acknowledged("j1");
        assertEquals(List.of(), ledger.heldFrom("default"));
    }

    @Test
    void heldJobsAreListedPerQueue() {
        WorkerLedger ledger = new WorkerLedger();
        ledger.delivered("a", "mail");
        ledger.delivered("b", "default");

        assertEquals(List.of("a"), ledger.heldFrom("mail"));
        assertEquals(List.of("b"), ledger.heldFrom("default"));
        ledger.acknowledged("unknown");
        assertEquals(List.of("b"), ledger.heldFrom("default"));
    }
}
