package dev.verifiedschema.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A contract could not be loaded. Carries every problem found in the file, not only the first,
 * each with its line and column.
 */
public class ContractException extends RuntimeException {
    private final String source;
    private final transient List<ContractProblem> problems;

    public ContractException(String source, List<ContractProblem> problems) {
        this(source, problems, null);
    }

    public ContractException(String source, List<ContractProblem> problems, Throwable cause) {
        super(summary(source, problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or resource the contract came from. */
    public String source() {
        return source;
    }

    /** Every problem found, in file order. */
    public List<ContractProblem> problems() {
        return problems;
    }

    private static String summary(String source, List<ContractProblem> problems) {
        String header = problems.size() == 1
                ? "The contract " + source + " has a problem; fix it and run again:"
                : "The contract " + source + " has " + problems.size() + " problems; fix them and run again:";
        return header + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
