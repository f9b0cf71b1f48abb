package dev.jtc.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One {@code @Job} class, as its own compilation saw it: the job, its generated codec, its name
 * on the wire and its payload's parameter names, which class files compiled without
 * {@code -parameters} would lose. Generated code only.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JobContribution {

    /** The {@code @Job} class, by canonical name (a class literal could not name a package-private class). */
    String job();

    /** Its generated codec, by canonical name, which holds its job type, schema, encoder, decoder and runner. */
    String codec();

    /** The job's name on the wire. */
    String name();

    /** The names of the payload parameters of {@code handle}, in order, as written in the source. */
    String[] parameters();

    /**
     * The job's own middleware ({@code @Job(middleware = ...)}), in order, by canonical name; empty
     * when it has none. The application's dispatch table runs them around the job.
     */
    String[] middleware() default {};

    /**
     * The job's source file, relative to the directory the class files were written to, or empty
     * when it was not a file; a later build of the same output drops a contribution whose source
     * is gone.
     */
    String source() default "";
}
