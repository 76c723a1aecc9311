package dev.verifiedschema.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code table(column, ...)} reference from a foreign key declaration. */
record TableReference(String table, List<String> columns) {
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern REFERENCE = Pattern.compile(
            "\\s*(" + NAME + "(?:\\." + NAME + ")?)\\s*\\(\\s*(" + NAME + "(?:\\s*,\\s*" + NAME + ")*)\\s*\\)\\s*");
    private static final Pattern ONE_NAME = Pattern.compile(NAME);

    /** The reference, or {@code null} when the text is not of the form {@code table(column, ...)}. */
    static TableReference parse(String text) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String table = String.join(".", names(m.group(1)));
        return new TableReference(table, names(m.group(2)));
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = ONE_NAME.matcher(text);
        while (m.find()) {
            names.add(Identifiers.fold(m.group()));
        }
        return names;
    }
}
