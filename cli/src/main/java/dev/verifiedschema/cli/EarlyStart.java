package dev.verifiedschema.cli;

import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;

import java.util.List;
import java.util.Optional;

/**
 * Starts the embedded server of a {@code verify} before the options are parsed. Reading the command
 * line's options and its files takes a few hundred milliseconds of a run that lasts about a second, and
 * the server start is mostly waiting for PostgreSQL's processes, so the two overlap. Only when the
 * arguments plainly ask for it: the command is {@code verify}, with no {@code --url} (a live server) and
 * no {@code --help} or {@code --version}; a {@code --pg-version N} is honoured. The command then leases
 * the same server ({@link SharedServers} holds one per settings); a run that fails before it does (a
 * usage error) stops the server on the way out.
 */
final class EarlyStart {
    private EarlyStart() {
    }

    /** The settings {@code verify} will lease for these arguments, when it will lease embedded ones. */
    static Optional<ServerSettings> settingsFor(String[] args) {
        List<String> list = List.of(args);
        if (list.isEmpty() || !list.get(0).equals("verify")) {
            return Optional.empty();
        }
        int pgVersion = 0;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--url") || arg.startsWith("--url=") || arg.equals("--help") || arg.equals("-h")
                    || arg.equals("--version") || arg.equals("-V")) {
                return Optional.empty();
            }
            String value = arg.equals("--pg-version") && i + 1 < args.length ? args[i + 1]
                    : arg.startsWith("--pg-version=") ? arg.substring("--pg-version=".length()) : null;
            if (value != null) {
                try {
                    pgVersion = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    return Optional.empty(); // picocli will say what is wrong with it
                }
            }
        }
        return Optional.of(VerifyCommand.embeddedSettings(pgVersion));
    }

    /** A lease taken early, or none; closing it releases it. */
    interface Early extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts the server in the background for these arguments, if they call for one; close it after the run. */
    static Early begin(String[] args) {
        Optional<SharedServers.PendingLease> lease = settingsFor(args).map(SharedServers::acquireInBackground);
        return () -> lease.ifPresent(SharedServers.PendingLease::close);
    }
}
