package dev.jtc.runtime.broker;

import java.util.List;

/**
 * What one recovery pass did with the in-flight jobs of workers that stopped heartbeating.
 *
 * @param deadWorkers the ids of the workers whose jobs were taken back
 * @param requeued jobs put back at the head of their queue
 * @param poisoned jobs sent to the failed set because they had already been recovered too often
 */
public record RecoveryResult(List<String> deadWorkers, int requeued, int poisoned) {

    public static final RecoveryResult NOTHING = new RecoveryResult(List.of(), 0, 0);

    public RecoveryResult {
        deadWorkers = List.copyOf(deadWorkers);
    }
}
