package dev.verifiedschema.cli;

import picocli.CommandLine.Mixin;

/** A command that may reach a live database: {@code --url}, {@code --user}, {@code --password-env}. */
abstract class DatabaseCommand extends BaseCommand {
    @Mixin
    DatabaseOptions db;

    /** The password, when one was given, so that it is masked in every output. */
    @Override
    final String secret() {
        try {
            return db.given() ? db.password(root.env) : null;
        } catch (CliException unset) {
            return null; // the variable is not set: there is no password to mask
        }
    }
}
