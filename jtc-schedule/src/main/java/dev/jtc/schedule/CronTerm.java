package dev.jtc.schedule;

/**
 * One comma-separated item of a cron field ({@code *}, {@code 5}, {@code 1-5}, {@code *}{@code /15},
 * {@code 10-40/5}), kept after parsing so that {@link CronDescriber} can phrase steps as steps.
 *
 * @param from the first value
 * @param to the last value the item may reach (inclusive)
 * @param step the distance between values, 1 for plain ranges
 * @param star whether the item was written as {@code *} or {@code *}{@code /n}
 */
record CronTerm(int from, int to, int step, boolean star) {
}
