package dev.verifiedschema.contract;

/**
 * One thing wrong with a contract file, with the place it was found.
 *
 * @param source  the file (or classpath resource) that holds the contract
 * @param line    the 1-based line, or 0 when the problem concerns the whole file
 * @param column  the 1-based column, or 0 when unknown
 * @param message what is wrong and what is allowed instead
 */
public record ContractProblem(String source, int line, int column, String message) {
    @Override
    public String toString() {
        return line == 0 ? source + ": " + message : source + ":" + line + ":" + column + ": " + message;
    }
}
