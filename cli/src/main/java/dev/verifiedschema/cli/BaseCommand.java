package dev.verifiedschema.cli;

import dev.verifiedschema.contract.ContractException;
import dev.verifiedschema.health.HealthCheckException;
import dev.verifiedschema.inspect.InspectionException;
import dev.verifiedschema.migrate.LiveMigrationException;
import dev.verifiedschema.migrate.MigrationSetException;
import dev.verifiedschema.provision.ProvisionException;
import dev.verifiedschema.provision.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/** What every command shares: output format and file, debug, and the mapping of failures to exit codes. */
abstract class BaseCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    VerifiedSchemaCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json, junit or markdown")
    Render.Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report to this file instead of stdout")
    Path output;

    @Option(names = "--debug", description = "print stack traces and debug logs")
    boolean debug;

    /** Does the work; problems go into the result, bad input and environment failures are thrown. */
    abstract Result execute() throws Exception;

    /** Secrets that must never be printed (set by commands that read a password). */
    String secret() {
        return null;
    }

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Result result = execute();
            write(Render.render(result, format, format == Render.Format.text && output == null && root.interactive));
            return result.failed() ? CliException.PROBLEMS : CliException.OK;
        } catch (CliException e) {
            return fail(err, e.exitCode(), e.getMessage(), e);
        } catch (ContractException | MigrationSetException | IllegalArgumentException e) {
            return fail(err, CliException.BAD_INPUT, e.getMessage(), e);
        } catch (ProvisionException | HealthCheckException | InspectionException | SQLException e) {
            return fail(err, CliException.ENVIRONMENT, e.getMessage(), e);
        } catch (LiveMigrationException e) {
            return fail(err, CliException.PROBLEMS, "Flyway failed: " + e.getMessage().strip().lines().findFirst()
                    .orElse("") + " (run with --debug for Flyway's full report)", e);
        } catch (IOException e) {
            return fail(err, CliException.BAD_INPUT, "Cannot read or write a file: " + e.getMessage(), e);
        } catch (Exception e) {
            return fail(err, CliException.PROBLEMS, "Unexpected error: " + e + " (run with --debug for details)", e);
        }
    }

    private int fail(PrintWriter err, int code, String message, Exception e) {
        err.println(Secrets.mask(message, secret()));
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.println(Secrets.mask(trace.toString(), secret()));
        }
        err.flush();
        return code;
    }

    private void write(String text) throws IOException {
        String masked = Secrets.mask(text, secret());
        if (output != null) {
            Files.writeString(output, masked, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(masked);
            spec.commandLine().getOut().flush();
        }
    }

    /** A directory that must exist, or exit 2 naming it. */
    static Path existingDirectory(Path dir, String option) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw CliException.badInput(option + " " + dir + ": " + (dir != null && Files.exists(dir)
                    ? "this is a file, not a directory; give the directory that holds them"
                    : "no such directory (looked in " + (dir == null ? "" : dir.toAbsolutePath().normalize()) + ")"));
        }
        return dir;
    }

    /** A file that must exist, or exit 2 naming it. */
    static Path existingFile(Path file, String option) {
        if (file == null || !Files.isRegularFile(file)) {
            throw CliException.badInput(option + " " + file + ": " + (file != null && Files.isDirectory(file)
                    ? "this is a directory, not a file; give the file's path"
                    : "no such file (looked in " + (file == null ? "" : file.toAbsolutePath().normalize()) + ")"));
        }
        return file;
    }
}
