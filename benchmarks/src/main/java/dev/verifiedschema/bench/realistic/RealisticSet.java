package dev.verifiedschema.bench.realistic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A migration set as a team's grows over years, written by a deterministic generator: thirty business
 * tables of a project-and-billing product, each created with keys, foreign keys and indexes and then
 * changed over its life (see {@link TableSteps} and {@link TypeAndViewSteps}), interleaved with
 * reference tables, seed rows, data fixes and backfills ({@link SharedSteps}); every version has an
 * undo script that reverses it exactly. The first {@code n} versions of the set are the set of
 * {@code n} versions, so a prefix measures the same kind of work.
 *
 * <p>The committed copy is {@value #COMMITTED}; regenerate it with
 * {@code java -cp benchmarks/target/classes dev.verifiedschema.bench.realistic.RealisticSet
 * benchmarks/src/main/resources/sets/realistic-300}. A test holds the copy equal to the generator's output.
 */
public final class RealisticSet {
    /** Where the benchmarks and tests read the set, relative to the repository root. */
    public static final String COMMITTED = "benchmarks/src/main/resources/sets/realistic-300";
    /** The number of versions of the committed set. */
    public static final int VERSIONS = 300;
    /**
     * Whether a few versions are spelled as Flyway's dotted versions ({@code V36_1__...}, version 36.1,
     * in place of {@code V37__...}); off until the stairway on main accepts underscored versions.
     */
    static final boolean DOTTED_VERSIONS = false;
    /** The versions spelled {@code <v-1>_1} when {@link #DOTTED_VERSIONS} is on; the order stays the same. */
    static final Set<Integer> DOTTED = Set.of(37, 121, 208);

    private RealisticSet() {
    }

    /** Writes {@code V1..Vn} and {@code U1..Un} of the set into a directory (created if needed). */
    public static Path write(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (Migration m : migrations(n)) {
            Files.writeString(dir.resolve(m.forwardFile()), m.forward());
            Files.writeString(dir.resolve(m.undoFile()), m.undo());
        }
        return dir;
    }

    /** The first {@code n} versions, 1 .. {@value #VERSIONS}, spelled as {@link #DOTTED_VERSIONS} says. */
    public static List<Migration> migrations(int n) {
        return migrations(n, DOTTED_VERSIONS);
    }

    /** The first {@code n} versions, with the versions in {@link #DOTTED} spelled {@code <v-1>_1} when asked. */
    static List<Migration> migrations(int n, boolean dotted) {
        if (n < 1 || n > VERSIONS) {
            throw new IllegalArgumentException("the realistic set has 1 to " + VERSIONS + " versions, not " + n);
        }
        List<Planned> plan = plan();
        if (plan.size() < n) {
            throw new IllegalStateException("the plan has only " + plan.size() + " versions");
        }
        List<Migration> migrations = new ArrayList<>();
        for (int v = 1; v <= n; v++) {
            Script s = plan.get(v - 1).script.get();
            String spelling = dotted && DOTTED.contains(v) ? (v - 1) + "_1" : Integer.toString(v);
            migrations.add(new Migration(v, spelling, s.description(), s.forward(), s.undo()));
        }
        return migrations;
    }

    /** Regenerates the committed set: {@code RealisticSet DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RealisticSet DIR (writes V1..V" + VERSIONS + " and U1..U" + VERSIONS + ")");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".sql")).toList()) {
                    Files.delete(p);
                }
            }
        }
        write(dir, VERSIONS);
    }

    /** A version at a point in the set's history; the script is written when its turn comes. */
    private record Planned(int time, int order, java.util.function.Supplier<Script> script) {
    }

    private enum Kind {
        CREATE(0, TableSteps::create), RENAME_TABLE(2, TableSteps::renameTable),
        TRIGGER(4, TableSteps::updatedAtTrigger), NUMBER(7, TableSteps::number), COLUMNS(9, TableSteps::columns),
        PARTIAL_INDEX(15, TableSteps::partialIndex), STATUS(21, null), ACTIVE_VIEW(27, TypeAndViewSteps::activeView),
        RENAME_LABEL(33, TableSteps::renameLabel), CHECK(39, TableSteps::check),
        EXPRESSION_INDEX(45, TableSteps::expressionIndex), STATUS_VALUE(52, null),
        OVERVIEW(58, TypeAndViewSteps::overview), FUNCTION(64, TypeAndViewSteps::countFunction),
        BACKFILL(68, TableSteps::backfill), RETYPE(72, TableSteps::retype),
        WIDEN_VIEW(76, TypeAndViewSteps::widenActiveView), REWRITE_FUNCTION(80, TypeAndViewSteps::rewriteCountFunction),
        DROP_LEGACY(84, TableSteps::dropLegacy), COMMENTS(88, TableSteps::comments),
        AUDIT(92, TableSteps::auditTrigger);

        final int offset;
        final Function<Entity, Script> step;

        Kind(int offset, Function<Entity, Script> step) {
            this.offset = offset;
            this.step = step;
        }
    }

    private static List<Planned> plan() {
        List<Entity> entities = Entities.all();
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            int born = i * 9;
            int variant = i;
            for (Kind kind : Kind.values()) {
                if (!wanted(kind, e, i)) {
                    continue;
                }
                java.util.function.Supplier<Script> script = switch (kind) {
                    case STATUS -> () -> TypeAndViewSteps.status(e, variant);
                    case STATUS_VALUE -> () -> TypeAndViewSteps.statusValue(e, variant);
                    default -> () -> kind.step.apply(e);
                };
                plan.add(new Planned(born + kind.offset, plan.size(), script));
            }
        }
        // the time of each shared version puts it after the tables it uses
        plan.add(new Planned(1, plan.size(), SharedSteps::updatedAtFunction));
        plan.add(new Planned(6, plan.size(), SharedSteps::countries));
        plan.add(new Planned(11, plan.size(), SharedSteps::accountCountry));
        plan.add(new Planned(30, plan.size(), SharedSteps::auditLog));
        plan.add(new Planned(48, plan.size(), SharedSteps::currencies));
        plan.add(new Planned(5 * 9 + 3, plan.size(), SharedSteps::plans)); // after subscriptions
        plan.add(new Planned(40, plan.size(), SharedSteps::countriesEu));
        plan.add(new Planned(55, plan.size(), SharedSteps::featureFlags));
        plan.add(new Planned(66, plan.size(), SharedSteps::renamePlan));
        plan.add(new Planned(62, plan.size(), SharedSteps::planPrices));
        plan.add(new Planned(80, plan.size(), SharedSteps::accountSettings));
        plan.add(new Planned(95, plan.size(), SharedSteps::flagRollout));
        plan.add(new Planned(75, plan.size(), SharedSteps::projectCounts));
        plan.add(new Planned(88, plan.size(), SharedSteps::purgeProcedure));
        plan.sort(Comparator.comparingInt(Planned::time).thenComparingInt(Planned::order));
        return plan;
    }

    /**
     * Which versions a table gets: every table is created and gets its trigger and columns; the other
     * kinds come to some tables and not others, by a fixed pattern, and never before what they need.
     */
    private static boolean wanted(Kind kind, Entity e, int i) {
        return switch (kind) {
            case CREATE, TRIGGER, COLUMNS -> true;
            case RENAME_TABLE -> e.createdAs != null;
            case NUMBER -> e.numbered;
            case OVERVIEW -> wanted(Kind.ACTIVE_VIEW, e, i) && e.parent != null && i % 5 != 3;
            case WIDEN_VIEW -> wanted(Kind.ACTIVE_VIEW, e, i) && i % 3 == 0;
            case REWRITE_FUNCTION -> wanted(Kind.FUNCTION, e, i) && i % 2 == 1;
            case STATUS_VALUE -> wanted(Kind.STATUS, e, i) && i % 3 != 2;
            default -> (i * 7 + kind.ordinal() * 3) % 10 < 6;
        };
    }
}
