/**
 * The web dashboard: pages that show what the broker holds (queues and the jobs waiting or
 * running in them, each job by its id, workers, the failed set) and what the application declares
 * (scheduled tasks with their next runs, job types), and let an operator cancel waiting jobs, retry
 * or delete failed ones and run a scheduled task now.
 *
 * <p>{@link dev.jtc.runtime.dashboard.Dashboard} serves it with the JDK's own HTTP server, so the
 * runtime gains no web dependency. Every view's path serves one static HTML shell plus a small
 * script that shows the view the path names, reads what it needs from the API every few seconds
 * and builds the DOM with text nodes only, so nothing a job
 * carries (names, reasons, payloads, stack traces) is ever parsed as HTML. Changes are POSTs that
 * must carry the page's per-process token in a header; on a loopback address the {@code Host}
 * header must name the loopback too, which stops DNS-rebinding pages from reading or acting.
 */
package dev.jtc.runtime.dashboard;
