package dev.jtc.runtime.cli;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JtcVersion;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.schedule.Durations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line of every jtc application. The generated {@code <App>Worker.main} calls
 * {@code System.exit(JtcCommandLine.run(args, definition()))}; an application with its own
 * {@code main} does the same with its own {@link AppDefinition}.
 *
 * <p>Commands: {@code work} (the default: run a worker), {@code list}, {@code enqueue},
 * {@code stats}, {@code status <id>}, {@code check [--repair]}, {@code jobs <queue>}, {@code failed list|retry|delete|purge}, {@code dashboard},
 * {@code make job} and {@code demo}. Options fall back to environment variables
 * ({@code JTC_REDIS_URL}, {@code JTC_NAMESPACE}, {@code JTC_BROKER}, {@code JTC_CONCURRENCY},
 * {@code JTC_QUEUES}); a few Redis settings come from the environment only (see the help's footer). Errors are printed as one
 * line and a hint; the exit code is {@link #EXIT_OK} on success, {@link #EXIT_FAILED} when the
 * command failed, {@link #EXIT_USAGE} for a usage error (with a suggestion for a mistyped command
 * or option) and {@link #EXIT_NOT_FOUND} for a job id the broker does not know. Set
 * {@code JTC_DEBUG=1} to see stack traces.
 */
public final class JtcCommandLine {

    /** The command did what it was asked. */
    public static final int EXIT_OK = 0;
    /** The command ran and failed: Redis unreachable, a demo job failed, problems left by {@code check}, ... */
    public static final int EXIT_FAILED = 1;
    /**
     * The command as typed cannot run: an unknown command or option, a missing, malformed or
     * conflicting argument, an unknown job name, a payload the job's codec refuses, or a setting
     * (an option or its {@code JTC_*} variable) it cannot use.
     */
    public static final int EXIT_USAGE = 2;
    /** The job id given ({@code status}, {@code failed retry}, {@code failed delete}) is not known to the broker. */
    public static final int EXIT_NOT_FOUND = 3;

    private static final Set<String> ROOT_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private JtcCommandLine() {}

    /** Runs the command in {@code args} ({@code work} when there are none) and returns the exit code. */
    public static int run(String[] args, AppDefinition app) {
        Objects.requireNonNull(app, "app");
        return run(args, CliContext.forProcess(app));
    }

    static int run(String[] args, CliContext context) {
        return build(context).execute(withDefaultCommand(args));
    }

    /** No arguments, or only options ({@code --concurrency 4}), mean {@code work}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || (args[0].startsWith("-") && !ROOT_FLAGS.contains(args[0]))) {
            String[] withWork = new String[args.length + 1];
            withWork[0] = "work";
            System.arraycopy(args, 0, withWork, 1, args.length);
            return withWork;
        }
        return args;
    }

    static CommandLine build(CliContext context) {
        CommandLine root = new CommandLine(new Root(context));
        root.setCommandName(context.app.name());
        root.addSubcommand("work", new WorkCommand(context));
        root.addSubcommand("list", new ListCommand(context));
        root.addSubcommand("enqueue", new EnqueueCommand(context));
        root.addSubcommand("stats", new StatsCommand(context));
        root.addSubcommand("status", new StatusCommand(context));
        root.addSubcommand("check", new CheckCommand(context));
        root.addSubcommand("pause", new PauseCommand.Pause(context));
        root.addSubcommand("resume", new PauseCommand.Resume(context));
        root.addSubcommand("jobs", new JobsCommand(context));
        CommandLine failed = new CommandLine(new FailedCommand(context));
        failed.addSubcommand("list", new FailedCommand.ListFailed(context));
        failed.addSubcommand("retry", new FailedCommand.RetryFailed(context));
        failed.addSubcommand("delete", new FailedCommand.DeleteFailed(context));
        failed.addSubcommand("purge", new FailedCommand.PurgeFailed(context));
        root.addSubcommand("failed", failed);
        CommandLine make = new CommandLine(new MakeCommand());
        make.addSubcommand("job", new MakeCommand.MakeJob(context));
        root.addSubcommand("make", make);
        root.addSubcommand("demo", new DemoCommand(context));
        root.addSubcommand("dashboard", new DashboardCommand(context));

        root.getCommandSpec().version(versionLines(context.app.name()));
        root.registerConverter(Duration.class, Durations::parse);
        root.registerConverter(Instant.class, Instant::parse);
        root.setOut(context.out);
        root.setErr(context.err);
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setParameterExceptionHandler((error, args) -> {
            UsageErrors.Explained explained = UsageErrors.explain(error);
            context.err.println("error: " + explained.message());
            context.err.println("hint: " + explained.hint());
            context.err.flush();
            return EXIT_USAGE;
        });
        root.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            context.err.println("error: " + message(error));
            if (debug(context)) {
                StringWriter trace = new StringWriter();
                error.printStackTrace(new PrintWriter(trace));
                context.err.print(trace);
            }
            int exitCode = EXIT_FAILED;
            if (error instanceof UsageException usage) {
                context.err.println("hint: " + (usage.hint() != null ? usage.hint() : UsageErrors.seeHelp(commandLine, "the options")));
                exitCode = EXIT_USAGE;
            } else if (error instanceof NotFoundException notFound) {
                context.err.println("hint: " + notFound.hint());
                exitCode = EXIT_NOT_FOUND;
            } else if (UsageErrors.isGroup(commandLine) && error instanceof IllegalArgumentException) {
                // A group (failed, make) runs its own call() only when its subcommand is missing.
                context.err.println("hint: " + UsageErrors.seeHelp(commandLine, "its commands"));
                exitCode = EXIT_USAGE;
            } else if (!debug(context) && !(error instanceof IllegalArgumentException) && !(error instanceof BrokerException)
                    && !(error instanceof IllegalStateException)) {
                context.err.println("hint: set JTC_DEBUG=1 to see the stack trace");
            }
            context.err.flush();
            return exitCode;
        });
        return root;
    }

    /** What {@code --version} prints: the application on jtc's version, and the Java it runs on. */
    static String[] versionLines(String appName) {
        return new String[] {
            appName + " (jtc " + JtcVersion.current() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }

    private static boolean debug(CliContext context) {
        String value = context.env("JTC_DEBUG", "");
        return !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    /** One line: our own exceptions' messages already say what to do; others get their class named. */
    private static String message(Throwable error) {
        String text = error.getMessage();
        if (error instanceof IllegalArgumentException || error instanceof IllegalStateException
                || error instanceof BrokerException || error instanceof java.io.UncheckedIOException
                || error instanceof UsageException || error instanceof NotFoundException) {
            return text == null ? error.getClass().getSimpleName() : text;
        }
        return error.getClass().getName() + (text == null ? "" : ": " + text);
    }

    /** The top command: only shows help, since no arguments mean {@code work}. */
    @Command(description = "Background jobs and scheduled tasks. With no command, runs a worker (work).",
            synopsisSubcommandLabel = "COMMAND", footer = {"",
                "Environment:",
                "  JTC_REDIS_URL    Redis to use (default redis://localhost:6379)",
                "  JTC_NAMESPACE    prefix of every Redis key (default jtc)",
                "  JTC_BROKER       redis or memory (default redis)",
                "  JTC_CONCURRENCY  jobs a worker runs at once (default 10)",
                "  JTC_QUEUES       queues a worker works, e.g. mail:3,default",
                "  JTC_REDIS_CA     CA certificates (PEM) a rediss:// server's certificate must chain to",
                "  JTC_REDIS_CLIENT_CERT, JTC_REDIS_CLIENT_KEY  client certificate and PKCS#8 key (PEM) for rediss://",
                "  JTC_MAX_PAYLOAD_BYTES  largest payload accepted (default 1048576)",
                "  JTC_COMPLETED_RETENTION  how long completed jobs' status stays readable (default 5m)",
                "  JTC_DEBUG=1      print stack traces with errors"})
    static final class Root implements Runnable {

        @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
        boolean help;

        @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show jtc's version and the application's name.")
        boolean version;

        private final CliContext context;

        Root(CliContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            new CommandLine(this).setCommandName(context.app.name()).usage(context.out);
        }
    }
}
