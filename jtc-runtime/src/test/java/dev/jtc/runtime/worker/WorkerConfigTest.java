package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.worker.WorkerConfig.QueueWeight;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    @Test
    void defaultsKeepTheRecoveryPromise() {
        WorkerConfig config = WorkerConfig.defaults();
        assertEquals(List.of("default"), config.queueNames());
        assertEquals(10, config.concurrency());
        assertEquals(Duration.ofSeconds(5), config.heartbeatInterval());
        assertEquals(Duration.ofSeconds(15), config.heartbeatTtl());
        assertEquals(3, config.maxRecoveries());
        assertEquals(Duration.ofSeconds(30), config.shutdownGrace());
        assertEquals(100, config.catchUpCap());
        assertEquals(Duration.ofSeconds(5), config.missedThreshold());
        assertTrue(config.heartbeatTtl().plus(config.recoveryInterval()).compareTo(Duration.ofSeconds(30)) <= 0,
                "a dead worker's jobs are back within 30 s");
        assertEquals(Duration.ofSeconds(20), WorkerConfig.builder().schedulerPoll(Duration.ofSeconds(10)).build().missedThreshold());
    }

    @Test
    void queueListsParseWithAndWithoutWeights() {
        assertEquals(List.of(new QueueWeight("mail", 3), new QueueWeight("default", 1)), WorkerConfig.parseQueues("mail:3, default"));
        assertTrue(WorkerConfig.builder().queues("mail:3,default").build().weighted());
        assertFalse(WorkerConfig.builder().queues("critical,default,low").build().weighted());
        assertEquals("queue weight 'x' of 'mail' is not a whole number: write e.g. mail:3,default:1",
                assertThrows(IllegalArgumentException.class, () -> WorkerConfig.parseQueues("mail:x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerConfig.parseQueues("ma il")).getMessage()
                .contains("may only contain letters, digits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerConfig.parseQueues("mail,mail")).getMessage()
                .contains("listed twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerConfig.parseQueues("mail:0")).getMessage()
                .contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerConfig.parseQueues(" ")).getMessage()
                .contains("no queues given"));
    }

    @Test
    void badValuesAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> WorkerConfig.builder().concurrency(0));
        assertThrows(IllegalArgumentException.class, () -> WorkerConfig.builder().heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> WorkerConfig.builder().shutdownGrace(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> WorkerConfig.builder().workerId("has space"));
    }

    @Test
    void unweightedQueuesAreAlwaysInOrder() {
        QueueOrder order = new QueueOrder(WorkerConfig.parseQueues("critical,default,low"), false, new Random(1));
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of("critical", "default", "low"), order.next());
        }
    }

    @Test
    void weightedQueuesComeFirstInProportionToTheirWeight() {
        QueueOrder order = new QueueOrder(WorkerConfig.parseQueues("mail:3,default:1"), true, new Random(42));
        int mailFirst = 0;
        int draws = 4000;
        for (int i = 0; i < draws; i++) {
            List<String> next = order.next();
            assertEquals(2, next.size());
            assertTrue(next.containsAll(List.of("mail", "default")));
            mailFirst += next.get(0).equals("mail") ? 1 : 0;
        }
        double share = mailFirst / (double) draws;
        assertTrue(share > 0.70 && share < 0.80, "mail first in " + share + " of fetches, expected about 0.75");
    }
}
