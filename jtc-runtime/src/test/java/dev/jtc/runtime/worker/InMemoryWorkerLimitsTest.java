package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.InMemoryBroker;
import java.time.Clock;

/** {@link WorkerLimitsContractTest} on the in-memory broker. */
class InMemoryWorkerLimitsTest extends WorkerLimitsContractTest {

    @Override
    protected Broker createBroker(Clock clock) {
        return new InMemoryBroker(clock);
    }
}
