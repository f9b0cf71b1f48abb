package dev.jtc.bench.jmh;

import dev.jtc.runtime.PayloadException;

/**
 * jtc's side of {@link CodecBenchmark}: the codec the processor generated for {@link ShipOrderJob}
 * ({@code ShipOrderJobCodec}), called as the generated dispatcher and job runner call it, with
 * the decoded payload turned into a {@link ShipOrder} as the baselines produce one.
 */
final class JtcShipOrder {

    private JtcShipOrder() {}

    static String encode(ShipOrder order) {
        return ShipOrderJobCodec.encode(order.orderId(), order.items(), order.address(), order.notBefore(),
                order.stock(), order.priority(), order.total());
    }

    static ShipOrder decode(String json) throws PayloadException {
        ShipOrderJobCodec.Payload p = ShipOrderJobCodec.decode(json);
        return new ShipOrder(p.orderId(), p.items(), p.address(), p.notBefore(), p.stock(), p.priority(), p.total());
    }
}
