package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.worker.WorkerLimitsContractTest;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WorkerLimitsContractTest} on a real redis-server: the limits' leases and windows in Lua. */
class RedisWorkerLimitsTest extends WorkerLimitsContractTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected Broker createBroker(Clock clock) {
        return redis.broker("jtc", clock);
    }
}
