package dev.jtc.runtime.worker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A per-thread diagnostic context that tests can read, whatever SLF4J binding is on the classpath. */
final class RecordingDiagnostics implements DiagnosticContext {

    private final List<Map<String, String>> all = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Map<String, String>> perThread = ThreadLocal.withInitial(() -> {
        Map<String, String> map = java.util.Collections.synchronizedMap(new HashMap<>());
        all.add(map);
        return map;
    });

    @Override
    public void put(String key, String value) {
        perThread.get().put(key, value);
    }

    @Override
    public void remove(String key) {
        perThread.get().remove(key);
    }

    String get(String key) {
        return perThread.get().get(key);
    }

    boolean emptyOnEveryThread() {
        return all.stream().allMatch(Map::isEmpty);
    }
}
