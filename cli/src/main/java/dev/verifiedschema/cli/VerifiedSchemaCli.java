package dev.verifiedschema.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code verified-schema} command line. Exit codes: 0 everything holds, 1 problems found,
 * 2 bad input, 3 environment (cannot connect, PostgreSQL could not start).
 */
@Command(name = "verified-schema", mixinStandardHelpOptions = true, version = "verified-schema 0.1.0",
        description = "Proves that a PostgreSQL schema built by Flyway migrations is what the application needs.",
        subcommands = {VerifyCommand.class, CheckCommand.class, DriftCommand.class, RehearseCommand.class,
                SnapshotCommand.class, RemediateCommand.class, StatusCommand.class, HistoryCommand.class,
                UpgradeCommand.class, DowngradeCommand.class, LintCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything holds", "1:problems found (violation, drift, failed undo, lint error, NO-GO)",
                "2:bad input (unknown option, missing file, malformed contract or migration names)",
                "3:environment (cannot connect, login refused, PostgreSQL could not start)"})
public final class VerifiedSchemaCli implements Runnable {
    final Map<String, String> env;
    final boolean interactive;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    VerifiedSchemaCli(Map<String, String> env, boolean interactive) {
        this.env = env;
        this.interactive = interactive;
    }

    /** Entry point of the runnable jar. */
    public static void main(String[] args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        quietLogs(debug);
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VerifiedSchemaCli.class);
        if (log.isDebugEnabled()) { // where a short run's time goes: docs/performance.md, "The cold path"
            log.debug("verified-schema running, {} ms after its JVM started", ProcessHandle.current().info()
                    .startInstant().map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis())
                    .orElse(-1L));
        }
        int code;
        try (EarlyStart.Early server = EarlyStart.begin(args)) {
            code = run(args, System.getenv(), stdinIsTerminal(),
                    new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        }
        System.exit(code);
    }

    /**
     * Logging of the command line, on stderr (stdout carries the report): the toolkit's own progress (the
     * provider, the server start, each version verified with how far the climb is) at INFO, everything else
     * (Flyway, the embedded server's own output) only from WARN; with {@code --debug}, everything. A level set
     * with {@code -Dorg.slf4j.simpleLogger...} on the command line wins (a default level given so applies to
     * the toolkit's own loggers too).
     */
    static void quietLogs(boolean debug) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
            setIfAbsent("org.slf4j.simpleLogger.log.dev.verifiedschema", debug ? "debug" : "info");
        }
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Whether standard input is a terminal (where a person can answer a question), whatever stdout is. */
    static boolean stdinIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Runs the command line with the given environment and streams; returns the exit code. */
    static int run(String[] args, Map<String, String> env, boolean interactive, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new VerifiedSchemaCli(env, interactive));
        line.setOut(out);
        line.setErr(err);
        line.setExitCodeExceptionMapper(e -> CliException.BAD_INPUT);
        line.setParameterExceptionHandler((e, a) -> {
            err.println(e.getMessage());
            err.println("Run 'verified-schema " + (e.getCommandLine().getCommandName().equals("verified-schema")
                    ? "" : e.getCommandLine().getCommandName() + " ") + "--help' for the options.");
            return CliException.BAD_INPUT;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Without a command: the usage, on standard error, and exit 2. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
