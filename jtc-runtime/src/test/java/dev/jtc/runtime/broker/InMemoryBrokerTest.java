package dev.jtc.runtime.broker;

import java.time.Clock;

/** Runs the broker contract against {@link InMemoryBroker}. */
class InMemoryBrokerTest extends BrokerContractTest {

    @Override
    protected Broker createBroker(Clock clock) {
        return new InMemoryBroker(clock);
    }
}
