package dev.verifiedschema.bench;

import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmarks of verified-schema, measured side by side in one run on one embedded PostgreSQL
 * server (see docs/performance.md). Prints one line per measure and a {@code #} line with the medians
 * it was computed from, and with {@code --out FILE} writes the same to a JSON file.
 *
 * <pre>
 * Bench [--quick] [--root DIR] [--out FILE] [--only P1,P4]
 * </pre>
 * Exit code 0 when every measure met its goal, 1 when one did not, 2 on a usage error.
 */
public final class Bench {
    static final List<String> ALL = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P9", "P10", "P11", "P12");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        boolean quick = false;
        Path root = Path.of(".");
        Path out = null;
        Path temp = null;
        Set<String> only = new LinkedHashSet<>(ALL);
        String child = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--temp" -> temp = Path.of(args[++i]);
                case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::strip)
                        .map(s -> s.toUpperCase(java.util.Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
                case "--child" -> child = args[++i];
                default -> rest.add(args[i]);
            }
        }
        root = root.toAbsolutePath().normalize();
        if (child != null) {
            runChild(child, root, temp, rest);
            return;
        }
        if (!rest.isEmpty() || !ALL.containsAll(only)) {
            System.err.println("usage: Bench [--quick] [--root DIR] [--out FILE] [--only P1,P2,...]");
            System.exit(2);
        }
        List<Result> results = run(root, quick, only);
        results.forEach(r -> {
            System.out.println(r.line());
            System.out.println(r.detailLine());
        });
        if (out != null) { // only when asked: a run leaves the tree as it was
            writeJson(out, results, quick);
        }
        System.exit(results.stream().allMatch(Result::passed) ? 0 : 1);
    }

    /** Runs the selected measures on one embedded server and a temp directory that is deleted afterwards. */
    static List<Result> run(Path root, boolean quick, Set<String> only) throws IOException {
        Path temp = Files.createTempDirectory("verified-schema-bench-");
        List<Result> results = new ArrayList<>();
        try (SharedServers.Lease lease = SharedServers.acquire(
                new ServerSettings(ProviderKind.EMBEDDED, null, null, null, 0, null))) {
            Env env = new Env(lease.server(), root, temp, quick);
            String wide = null;
            try {
                for (String id : only) {
                    long start = System.nanoTime();
                    Env.log("running " + id + (quick ? " (quick)" : ""));
                    Result result;
                    try {
                        if ((id.equals("P4") || id.equals("P7") || id.equals("P12")) && wide == null) {
                            wide = WideSchemaMeasures.create(env);
                        }
                        result = switch (id) {
                            case "P1" -> StairwayMeasures.p1(env);
                            case "P2" -> CloneWait.p2(env);
                            case "P3" -> StairwayMeasures.p3(env);
                            case "P4" -> WideSchemaMeasures.p4(env, wide);
                            case "P5" -> HealthMeasure.p5(env);
                            case "P6" -> FiftyClasses.p6(env);
                            case "P7" -> WideSchemaMeasures.p7(env, wide);
                            case "P9" -> ColdStart.p9(env);
                            case "P10" -> RealisticSetMeasure.p10(env);
                            case "P11" -> FirstClass.p11(env);
                            case "P12" -> DesignLintMeasure.p12(env, wide);
                            default -> throw new IllegalArgumentException(id);
                        };
                    } catch (Exception | AssertionError e) {
                        e.printStackTrace();
                        result = Result.error(id, "error", e);
                    }
                    Env.log(result.line() + " (" + Math.round(Stats.since(start) / 1000) + " s)");
                    results.add(result);
                }
            } finally {
                if (wide != null) {
                    env.server.dropDatabase(wide);
                }
            }
        } finally {
            deleteRecursively(temp);
        }
        return results;
    }

    private static void runChild(String child, Path root, Path temp, List<String> rest) throws Exception {
        switch (child) {
            case "p6" -> FiftyClasses.p6Child(new Env(null, root, temp, false));
            case "p7" -> WideSchemaMeasures.p7Child(rest.get(0));
            case "p11" -> FirstClass.p11Child(new Env(null, root, temp, false), rest.get(0));
            default -> throw new IllegalArgumentException("unknown child " + child);
        }
    }

    static void writeJson(Path file, List<Result> results, boolean quick) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String body = "{\n  \"generated\": \"" + Instant.now() + "\",\n  \"quick\": " + quick + ",\n  \"cores\": "
                + Runtime.getRuntime().availableProcessors() + ",\n  \"java\": \"" + System.getProperty("java.version")
                + "\",\n  \"allPassed\": " + results.stream().allMatch(Result::passed) + ",\n  \"measures\": [\n    "
                + results.stream().map(Result::json).collect(Collectors.joining(",\n    ")) + "\n  ]\n}\n";
        Files.writeString(file, body);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
