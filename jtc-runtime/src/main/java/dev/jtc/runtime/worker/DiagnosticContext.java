package dev.jtc.runtime.worker;

import org.slf4j.MDC;

/**
 * Where the worker writes the running job's id and name for log lines: SLF4J's MDC in
 * production. A seam of its own because some SLF4J bindings (slf4j-simple) ignore the MDC, and
 * the worker's use of it must still be testable.
 */
interface DiagnosticContext {

    String JOB_ID = "jtc.jobId";
    String JOB_NAME = "jtc.jobName";

    DiagnosticContext SLF4J = new DiagnosticContext() {
        @Override
        public void put(String key, String value) {
            MDC.put(key, value);
        }

        @Override
        public void remove(String key) {
            MDC.remove(key);
        }
    };

    void put(String key, String value);

    void remove(String key);
}
