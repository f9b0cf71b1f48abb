/**
 * What jtc's processor leaves behind in each compilation so that a later compilation can build
 * the application from it: not API, written and read only by the processor.
 *
 * <p>For every {@code @Job} class and every class with {@code @Cron}/{@code @Every} methods, the
 * processor writes a small marker class into the package {@code dev.jtc.contributions}, carrying
 * one of these annotations. The compilation that holds the {@code @JtcApplication} lists that
 * package (its own sources, class files from an earlier build, and dependency jars) and builds
 * the application's dispatch table, dispatcher, schedule registry and component from every
 * marker it finds, so jobs may live in library modules and partial recompilation stays right.
 */
package dev.jtc.internal;
