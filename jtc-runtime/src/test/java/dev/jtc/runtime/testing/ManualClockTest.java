package dev.jtc.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtc.runtime.worker.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenTold() {
        ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), clock.instant());
        assertEquals(Instant.parse("2026-03-02T10:01:30Z"), clock.advance(Duration.ofSeconds(90)));
        assertEquals(Instant.parse("2026-03-02T10:01:30Z"), clock.instant());
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), clock.instant());
        assertEquals(ZoneId.of("Z"), clock.getZone());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void copiesInOtherZonesShareTheTime() {
        ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
        Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
        clock.advance(Duration.ofHours(1));
        assertEquals(Instant.parse("2026-03-02T11:00:00Z"), berlin.instant());
        assertEquals(ZoneId.of("Europe/Berlin"), berlin.getZone());
        assertEquals(12, java.time.LocalTime.now(berlin).getHour());
    }

    @Test
    void advancingSleeperMovesTheClockInsteadOfWaiting() throws InterruptedException {
        ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
        Sleeper sleeper = clock.advancingSleeper();
        for (int i = 0; i < 1000; i++) {
            sleeper.sleep(Duration.ofMinutes(1));
        }
        assertEquals(Instant.parse("2026-03-03T02:40:00Z"), clock.instant());
        sleeper.sleep(Duration.ofSeconds(-5));
        assertEquals(Instant.parse("2026-03-03T02:40:00Z"), clock.instant());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> sleeper.sleep(Duration.ofSeconds(1)));
    }
}
