package com.acme.fleet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the test middleware and jobs record what ran, in order, so a test can look. */
public final class Trail {
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private Trail() {}
}
