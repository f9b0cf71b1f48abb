package dev.jtc.processor.validation;

import java.util.Locale;

/**
 * Every message jtc's processor can print, in one place. Each has a stable tag
 * ({@code [jtc:invalid-cron]}) that tests and users can grep for, and a text that states the
 * rule, names the offending code and says what to write instead.
 */
public enum Message {
    /** The reason comes from jtc-schedule; only a wrong field count explains the five fields. */
    INVALID_CRON("invalid-cron", "@Cron(\"%s\") on %s is not a valid cron expression: %s"),
    CRON_NEVER_FIRES("cron-never-fires", "@Cron(\"%s\") on %s can never fire: %s"),
    /** The reason and {@code Zones.ACCEPTED} come from jtc-schedule, which the run time's check shares. */
    INVALID_ZONE("invalid-zone", "zone \"%s\" on %s %s. Write %s, or leave zone out for UTC"),
    DST("dst",
            "@Cron(\"%s\") on %s: %s. Pick a time outside the transition window, or add @SuppressWarnings(\"jtc:dst\")"
                    + " to the method or its class if this is intended"),
    INVALID_DURATION("invalid-duration", "%s on %s: %s"),
    EVERY_RESOLUTION("every-resolution",
            "@Every(\"%s\") on %s is shorter than the scheduler's resolution of 1ms: %s. Write 1ms or more, or add"
                    + " @SuppressWarnings(\"jtc:every-resolution\") to the method or its class if this is intended"),
    INVALID_BACKOFF("invalid-backoff",
            "backoffBase = \"%s\" on %s is longer than backoffCap = \"%s\": the cap bounds every wait, so the base must"
                    + " not exceed it; raise backoffCap or lower backoffBase"),
    INVALID_RETRIES("invalid-retries",
            "retries = %d on %s is negative: write 0 for no retries, or how many retries may follow the first attempt"),
    INVALID_MAX_CONCURRENCY("invalid-limit",
            "maxConcurrency = %d on %s is negative: write 0 for no limit, or the most attempts that may run at once across"
                    + " all workers"),
    INVALID_RATE_LIMIT("invalid-limit",
            "rateLimit \"%s\" on %s does not parse: %s. Write <count>/<duration>, e.g. \"100/1m\" (100 per minute) or"
                    + " \"10/1s\""),
    OVERLAP_WITHOUT_JOB("invalid-limit",
            "@WithoutOverlapping on %s has no effect: it holds the attempts of a @Job class to one at a time, and %s is"
                    + " not one; add @Job, or remove @WithoutOverlapping (a scheduled method skips overlapping ticks with"
                    + " overlap = false)"),
    UNKNOWN_LIMIT_KEY("invalid-limit-key", "%s on %s names no payload parameter of handle(...)%s: %s"),
    LIMIT_KEY_NOT_SCALAR("invalid-limit-key",
            "%s on %s names parameter '%s' of type %s, which has no plain value to key by: name a parameter that is a"
                    + " String, a primitive or its box, an enum, a java.time value, UUID, BigDecimal or BigInteger (an id"
                    + " rather than the object)"),
    LIMIT_KEY_WITHOUT_LIMIT("invalid-limit-key",
            "limitKey = \"%s\" on %s keys no limit: add maxConcurrency or rateLimit, or remove it"),
    MIDDLEWARE_MISSING("invalid-middleware",
            "a class listed in %s(middleware = ...) on %s does not exist: correct its name or its import, or remove it"
                    + " from middleware"),
    MIDDLEWARE_GONE("invalid-middleware",
            "@Job class %s lists middleware %s, which is not on the class path: add the dependency that holds it, or"
                    + " rebuild the module of %s"),
    MIDDLEWARE_WITHOUT_RUNTIME("invalid-middleware",
            "%s(middleware = ...) on %s lists middleware, but dev.jtc.runtime.JobMiddleware is not on the compile class"
                    + " path: add the jtc-runtime dependency to this module, or remove middleware"),
    NOT_MIDDLEWARE("invalid-middleware",
            "%s is listed in %s(middleware = ...) on %s but does not implement dev.jtc.runtime.JobMiddleware: implement"
                    + " it (public void handle(Attempt attempt) throws Exception), or remove it from middleware"),
    MIDDLEWARE_NOT_CONSTRUCTIBLE("invalid-middleware",
            "%s is listed in %s(middleware = ...) on %s, but the dispatch table cannot make it: %s"),
    MIDDLEWARE_TWICE("invalid-middleware",
            "%s is listed twice in %s(middleware = ...) on %s: each middleware runs once around an attempt; remove the"
                    + " second"),
    CONFLICTING_SCHEDULES("conflicting-schedules",
            "%s has both @Cron and @Every: a method has one schedule; move one of them to a method of its own"),
    INVALID_SCHEDULED_METHOD("invalid-scheduled-method",
            "%s is %s, so jtc cannot call it on a schedule: a scheduled method must be a non-private, non-static,"
                    + " non-abstract method of an injectable class"),
    INVALID_PARAMETERS("invalid-parameters", "%s takes (%s): %s"),
    NOT_INJECTABLE("not-injectable", "%s cannot be created by Dagger: %s"),
    NOT_PUBLIC("not-public", "%s is not public, but the generated classes are in package %s and must call it: %s"),
    UNNAMED_PACKAGE("unnamed-package",
            "%s is in the unnamed package, which the generated classes in package %s cannot refer to: move it to a"
                    + " package"),
    INVALID_NAME("invalid-name",
            "%s name \"%s\" of %s may only contain ASCII letters, digits, '.', '_' and '-' (names become Redis keys): write"
                    + " name = \"%s\""),
    INVALID_QUEUE("invalid-queue",
            "queue \"%s\" of %s may only contain ASCII letters, digits, '.', '_' and '-' (queues become Redis keys): write"
                    + " queue = \"%s\""),
    NAME_TOO_LONG("name-too-long",
            "%s \"%s\" of %s is %d characters long; at most %d are allowed (names and queues become Redis keys): write"
                    + " a shorter one, such as %s = \"%s\""),
    DUPLICATE_NAME("duplicate-name",
            "the name \"%s\" of %s is already used by %s: job and task names are unique on the wire; give one of them"
                    + " another name = \"...\""),
    HANDLE_MISSING("handle-method",
            "@Job class %s has no handle method: add exactly one, whose parameters are the payload, e.g."
                    + " public void handle(long userId) { ... }"),
    HANDLE_OVERLOADED("handle-method",
            "@Job class %s has %d methods named handle: a job has exactly one, since the payload is its parameters;"
                    + " rename or remove the others"),
    HANDLE_MODIFIERS("handle-method", "%s.handle(...) is %s: it must be a non-private instance method"),
    HANDLE_RESULT("handle-result",
            "%s.handle(...) returns %s, %s; %s, or add @SuppressWarnings(\"jtc:handle-result\") to the method or its"
                    + " class if the value is meant for code that calls handle directly"),
    UNSUPPORTED_PAYLOAD_TYPE("unsupported-payload-type",
            "parameter '%s' of %s.handle(...) has type %s, which cannot travel in a JSON payload: %s. Supported:"
                    + " primitives and their boxes, String, enums, java.time (Instant, LocalDate, LocalTime, LocalDateTime,"
                    + " OffsetDateTime, ZonedDateTime, Duration, Period, Year, YearMonth, ZoneId), UUID, BigDecimal,"
                    + " BigInteger, List/Set/Collection/Map<String, ...>, arrays, Optional and records of these; pass an"
                    + " id and load the object inside the job instead"),
    APPLICATION_TWICE("application",
            "%s is a second @JtcApplication (the first is %s): a compilation has exactly one; remove one of them"),
    INVALID_GENERATED_PACKAGE("application",
            "generatedPackage = \"%s\" on %s is not a package name: write e.g. generatedPackage = \"com.acme.jobs\", or"
                    + " leave it out to use the application's package"),
    INVALID_MODULE("invalid-module",
            "%s is listed in @JtcApplication(modules = ...) but is not a Dagger module: annotate it with @dagger.Module,"
                    + " or remove it from modules"),
    MODULE_MISSING("invalid-module",
            "a class listed in @JtcApplication(modules = ...) on %s does not exist: correct its name or its import, or"
                    + " remove it from modules"),
    MODULE_NOT_INSTANTIABLE("invalid-module",
            "%s has binding methods that need an instance of the module (%s), but its constructors are private and"
                    + " nothing else in it hands out an instance, so neither Dagger nor the application can make one:"
                    + " make those methods static, or give %s a constructor that is not private (one without arguments"
                    + " lets the component make the module itself)"),
    GENERATED_NAME_TAKEN("generated-name-taken",
            "%s already exists, but jtc generates a class of that name for @JtcApplication %s: rename %s, rename the"
                    + " application class (the generated classes are named after it), or move them with"
                    + " @JtcApplication(generatedPackage = \"...\")"),
    NO_JOBS("no-jobs",
            "@JtcApplication %s has no jobs and no scheduled tasks: none in this compilation, and no jtc contributions on"
                    + " the class path. If they live in a library module, compile that module with jtc-processor on its"
                    + " annotation processor path (not -proc:none) and depend on it"),
    NAME_CLASH("name-clash", "%s and %s would both be %s: %s"),
    COMPANION_NAME_TAKEN("generated-name-taken",
            "%s already exists, but jtc generates a class of that name for %s: rename %s"),
    HANDLE_INHERITED("handle-method", "@Job class %s inherits handle(...) from %s%s"),
    TOO_MANY_JOBS("too-many-jobs",
            "@JtcApplication %s has %,d %s; one application holds at most %,d (%s): split it into two applications,"
                    + " each with its own @JtcApplication and queues"),
    MISSING_BINDING("missing-binding",
            "%s cannot be made: its @Inject constructor needs %s (parameter '%s'), and nothing provides %s%s: give it an"
                    + " @Inject constructor, or add a @Provides (or @Binds) method for %s to one of the modules in"
                    + " @JtcApplication(modules = ...)"),
    TOO_MANY_TASKS("too-many-tasks",
            "%s has %d scheduled methods; its generated schedule holds at most %d (one class's initializer sets them"
                    + " all, and it must stay small enough to compile): move some of them into another class"),
    LEFTOVER("leftover",
            "jtc leaves out %s: %s. It is a leftover of an earlier build; a clean build removes it"),
    STALE_CONTRIBUTION("stale-contribution",
            "the contribution of %s does not match its generated %s (%s): it was compiled by another version of jtc or"
                    + " only partly rebuilt; rebuild the module it comes from (mvn clean install there)"),
    LATE_ELEMENT("late-element",
            "%s appeared in a later annotation-processing round, after jtc had written the application's classes:"
                    + " jtc reads jobs and tasks generated by other processors only up to the round after the first"
                    + " one; write the class by hand or generate it earlier"),
    INTERNAL_ERROR("internal-error",
            "jtc failed while processing %s; this is a bug in jtc, please report it with this trace:%n%s");

    private final String tag;
    private final String template;

    Message(String tag, String template) {
        this.tag = tag;
        this.template = template;
    }

    /** The tag without brackets: {@code invalid-cron}. */
    public String tag() {
        return tag;
    }

    /** The full text: {@code [jtc:invalid-cron] @Cron("0 0 32 * *") on ...}. */
    public String format(Object... arguments) {
        return "[jtc:" + tag + "] " + String.format(Locale.ROOT, template, arguments);
    }
}
