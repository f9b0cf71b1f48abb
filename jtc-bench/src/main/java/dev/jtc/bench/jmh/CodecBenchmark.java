package dev.jtc.bench.jmh;

import dev.jtc.runtime.PayloadException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a job's payload costs to encode at dispatch and decode in the worker with jtc's codec
 * ({@code *Jtc}), against the same JSON done with jackson-core directly and, for encoding, with a
 * plain StringBuilder. {@link JmhRatios} divides each {@code *Jtc} score by the others of its group.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private final ShipOrder order = SampleOrders.typical();
    private final String json = JtcShipOrder.encode(order);

    @Benchmark
    public String encodeJtc() {
        return JtcShipOrder.encode(order);
    }

    @Benchmark
    public String encodeJsonGenerator() {
        return JacksonShipOrder.encode(order);
    }

    @Benchmark
    public String encodeStringBuilder() {
        return StringBuilderShipOrder.encode(order);
    }

    @Benchmark
    public ShipOrder decodeJtc() throws PayloadException {
        return JtcShipOrder.decode(json);
    }

    @Benchmark
    public ShipOrder decodeJsonParser() throws IOException {
        return JacksonShipOrder.decode(json);
    }
}
