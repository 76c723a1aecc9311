package dev.verifiedschema.migrate;

import dev.verifiedschema.migrate.SchemaLevels.Level;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The climb as a Flyway callback: Flyway migrates every version in one run, as an application
 * would, and after each migration (its transaction committed here, so that the other connections
 * see it) the stairway checks the version: snapshot, undo, compare, redo, compare, fixtures.
 * A failure is recorded in the run and stops Flyway; {@link #rethrow()} then re-raises it.
 */
final class Climb implements Callback {
    private static final Logger LOG = LoggerFactory.getLogger(StairwayRun.class);

    private final StairwayRun run;

    /** The level reached; null until the first level is in. */
    Level level;
    /** The migration Flyway is running, or ran last. */
    MigrationScript current;
    private Map<String, TableData.Print> beforeForward;
    private long began;
    /** What stopped the climb inside the callback (a {@link StairwayRun.Halt} or {@link StairwayRun.Rebuild}, or a failure). */
    Throwable stopped;

    Climb(StairwayRun run) {
        this.run = run;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            if (level == null) {
                level = run.levels.first();
                if (run.bottom == null) {
                    run.bottom = level;
                }
            }
            MigrationScript script = script(context.getMigrationInfo());
            if (script.repeatable()) {
                // Flyway applies repeatables after the versioned migrations of a run: the stairway takes
                // the schema they leave as the head, and has no undo to check them with
                if (event == Event.BEFORE_EACH_MIGRATE) {
                    current = script;
                    run.carried = null;
                } else {
                    Connection flywayConnection = context.getConnection();
                    if (!flywayConnection.getAutoCommit()) {
                        flywayConnection.commit();
                    }
                    level = run.levels.after(level);
                    LOG.info("applied repeatable migration {} where Flyway applies it, after the versioned ones; "
                            + "the stairway has no undo or redo to check it with", script.fileName());
                }
                return;
            }
            if (event == Event.BEFORE_EACH_MIGRATE) {
                current = script;
                SchemaSnapshot previous = level.snapshot();
                beforeForward = run.carried != null ? run.carried
                        : run.data.read(TableData.sharedColumns(previous, previous));
                run.carried = null;
                began = System.nanoTime();
            } else {
                Connection flywayConnection = context.getConnection();
                if (!flywayConnection.getAutoCommit()) {
                    flywayConnection.commit();
                }
                level = run.step(current, level, beforeForward, began, context);
            }
        } catch (Throwable e) {
            stopped = e;
            throw new StairwayRun.Halt();
        }
    }

    @Override
    public String getCallbackName() {
        return "verified-schema stairway";
    }

    private MigrationScript script(MigrationInfo info) {
        if (info.getVersion() == null) {
            String name = info.getScript().substring(info.getScript().lastIndexOf('/') + 1);
            return run.set.repeatables().stream().filter(r -> r.fileName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Flyway applied the repeatable migration " + name
                            + ", which the stairway did not load from " + run.set.locations()));
        }
        MigrationVersion version = MigrationVersion.of(info.getVersion());
        return run.set.forwards().stream().filter(f -> f.version().equals(version)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Flyway migrated V" + version
                        + ", which the stairway did not load from " + run.set.locations()));
    }

    /** Re-raises what stopped the climb inside the callback, unwrapped from Flyway's exception. */
    void rethrow() throws SQLException {
        if (stopped != null) {
            throw Rethrow.as(stopped);
        }
    }
}
