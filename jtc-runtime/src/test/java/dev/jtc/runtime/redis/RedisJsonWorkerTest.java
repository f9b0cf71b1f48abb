package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.WorkerInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker record's busy slots: written and read back, and read leniently when another writer mangled them. */
class RedisJsonWorkerTest {

    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void busySlotsRoundTrip() {
        List<BusySlot> slots = List.of(new BusySlot("a@mail", "SendMail", "mail", T), new BusySlot("b@mail", "SendMail", "mail", T.plusMillis(7)));
        WorkerInfo worker = new WorkerInfo("w1", "host", 42, List.of("mail"), 4, T, T, slots);

        RedisJson.StoredWorker read = RedisJson.readWorker(RedisJson.worker(worker, T, 99)).orElseThrow();

        assertEquals(worker, read.info());
        assertEquals(99, read.expiresAt());
    }

    @Test
    void unreadableSlotsAreLeftOutButTheWorkerStaysAlive() {
        String record = "{\"id\":\"w1\",\"queues\":[\"mail\"],\"concurrency\":4,\"running\":[1,{\"id\":\"a@mail\"},[2],"
                + "{\"id\":\"b@mail\",\"name\":\"SendMail\",\"queue\":\"mail\",\"startedAt\":5}],\"expiresAt\":77}";

        RedisJson.StoredWorker read = RedisJson.readWorker(record).orElseThrow();

        assertEquals(List.of(new BusySlot("b@mail", "SendMail", "mail", Instant.ofEpochMilli(5))), read.info().running());
        assertEquals(77, read.expiresAt(), "fields after the slots are still read");
        assertEquals(77, RedisJson.readWorker(record.replace("\"running\":[", "\"running\":{\"x\":[").replace("],\"expiresAt", "]},\"expiresAt"))
                .orElseThrow().expiresAt());
    }
}
