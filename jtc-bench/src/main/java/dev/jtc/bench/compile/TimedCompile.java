package dev.jtc.bench.compile;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Runs one javac compilation in this JVM, as the {@code javac} command would (the arguments may be
 * an {@code @argfile}), and prints on its last line of standard output how long the compilation
 * took, without the JVM's start-up: {@code TimedCompile: status=0 millis=12345.6 gcMillis=321
 * peakHeapMb=612}. The compile benchmark starts a fresh JVM with it for every compilation, so no
 * compilation profits from another's warmed-up JIT or caches.
 */
public final class TimedCompile {

    static final String PREFIX = "TimedCompile: ";

    private TimedCompile() {}

    public static void main(String[] args) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.err.println("TimedCompile: this Java runtime has no compiler (run it on a JDK, not a JRE)");
            System.exit(2);
        }
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        int status = javac.run(null, null, null, args);
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.println(PREFIX + String.format(Locale.ROOT, "status=%d millis=%.1f gcMillis=%d peakHeapMb=%d",
                status, millis, gcMillis() - gcBefore, peakHeapMb()));
        System.exit(status);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
