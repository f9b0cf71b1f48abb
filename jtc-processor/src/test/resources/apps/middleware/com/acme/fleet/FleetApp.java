package com.acme.fleet;

import dev.jtc.JtcApplication;

/** Middleware around every job and task: the application's first, then each job's own. */
@JtcApplication(middleware = Tracing.class)
final class FleetApp {}
