package dev.jtc.runtime.worker;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.UnknownJobException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A hand-written dispatch table, as the processor would generate one: name → handler. */
final class TestJobRunner implements JobRunner {

    @FunctionalInterface
    interface Handler {
        void handle(String payload, JobContext context) throws Exception;
    }

    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    TestJobRunner on(String name, Handler handler) {
        handlers.put(name, handler);
        return this;
    }

    @Override
    public void run(String name, String payload, JobContext context) throws Exception {
        Handler handler = handlers.get(name);
        if (handler == null) {
            throw new UnknownJobException(name);
        }
        handler.handle(payload, context);
    }
}
