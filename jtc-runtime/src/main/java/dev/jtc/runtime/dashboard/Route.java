package dev.jtc.runtime.dashboard;

import com.sun.net.httpserver.HttpExchange;

/** Answers the requests under one context path; {@link GuardedHandler} does the sending. */
@FunctionalInterface
interface Route {
    Response answer(HttpExchange exchange);
}
