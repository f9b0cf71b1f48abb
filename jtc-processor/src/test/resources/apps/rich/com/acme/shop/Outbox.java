package com.acme.shop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the test jobs record what they did, so a test can look. */
public final class Outbox {
    public static final List<String> SENT = new CopyOnWriteArrayList<>();
}
