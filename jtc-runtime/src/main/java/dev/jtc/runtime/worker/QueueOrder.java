package dev.jtc.runtime.worker;

import dev.jtc.runtime.worker.WorkerConfig.QueueWeight;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which one fetch looks at the worker's queues. Unweighted queues are always taken
 * strictly in the order given (a later queue only gets work when the earlier ones are empty).
 * Weighted queues ({@code mail:3,default:1}) are ordered anew for each fetch by drawing without
 * replacement in proportion to the weights, so no queue starves while the busy ones still get
 * their share, as in Sidekiq.
 */
final class QueueOrder {

    private final List<QueueWeight> queues;
    private final List<String> fixedOrder;
    private final boolean weighted;
    private final RandomGenerator random;

    QueueOrder(List<QueueWeight> queues, boolean weighted, RandomGenerator random) {
        this.queues = List.copyOf(queues);
        this.fixedOrder = queues.stream().map(QueueWeight::queue).toList();
        this.weighted = weighted && queues.size() > 1;
        this.random = random;
    }

    /** The queues to pass to the next fetch, in the order to drain them. */
    List<String> next() {
        if (!weighted) {
            return fixedOrder;
        }
        List<QueueWeight> left = new ArrayList<>(queues);
        List<String> order = new ArrayList<>(queues.size());
        long total = left.stream().mapToLong(QueueWeight::weight).sum();
        while (!left.isEmpty()) {
            long pick = random.nextLong(total);
            int i = 0;
            while (pick >= left.get(i).weight()) {
                pick -= left.get(i).weight();
                i++;
            }
            QueueWeight chosen = left.remove(i);
            total -= chosen.weight();
            order.add(chosen.queue());
        }
        return order;
    }
}
