package dev.jtc.bench.jmh;

import dev.jtc.JtcApplication;

/** The application the benchmark's job belongs to; jtc writes its generated classes next to it. */
@JtcApplication
final class BenchApp {}
