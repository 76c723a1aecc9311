package dev.verifiedschema.migrate;

import java.util.List;

/**
 * The migration set is malformed and nothing was run: duplicate versions, an undo script without
 * its forward script, names that are not migrations, a missing location. Lists every problem.
 */
public class MigrationSetException extends RuntimeException {
    private final transient List<String> problems;

    public MigrationSetException(String location, List<String> problems) {
        super("The migration set " + location + " cannot be verified; nothing was run. Fix "
                + (problems.size() == 1 ? "this" : "these " + problems.size() + " problems") + ":"
                + problems.stream().map(p -> "\n  - " + p).reduce("", String::concat));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
