package dev.verifiedschema.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the design lint of a verified schema runs: which rules, at which severity, which tables it
 * leaves alone, from which severity on a finding fails the verification, and the team's own SQL
 * rules. Written in a contract under {@code designLint:} and adjusted by the command line's and the
 * JUnit extension's settings; see {@code docs/design-lint.md} for the rules.
 *
 * <p>Immutable: every {@code with...} method returns a copy. {@link #DEFAULT} runs every rule that is
 * on by default at its default severity and fails nothing.
 *
 * @param enabled  whether the design lint runs at all
 * @param rules    severities given to rules by name; {@link Optional#empty()} turns a rule off
 * @param exclude  globs of table names no rule looks at ({@code *} any run of characters)
 * @param failOn   the lowest severity that fails the verification, or {@code null}: nothing fails
 * @param sqlRules the team's own rules, each a query
 */
public record DesignLintSettings(boolean enabled, Map<String, Optional<Severity>> rules, List<String> exclude,
                                 Severity failOn, List<SqlRule> sqlRules) {

    /** How much a design finding matters, as SchemaCrawler's lint grades it. */
    public enum Severity {
        LOW, MEDIUM, HIGH, CRITICAL;

        /** The severity named so, in any letter case ({@code high}). */
        public static Optional<Severity> named(String name) {
            for (Severity s : values()) {
                if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /** {@code high}, as contracts and reports write it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One rule of the design lint: its name in contracts and reports, whether it runs unless turned
     * off, and its default severity.
     *
     * @param name       the rule's name ({@code foreign-key-without-index})
     * @param onByDefault whether it runs when the settings do not mention it
     * @param severity   its severity unless the settings give another
     */
    public record Rule(String name, boolean onByDefault, Severity severity) {
    }

    /**
     * Every rule the design lint knows, in the order docs/design-lint.md describes them. Those off by
     * default state a team's convention rather than a defect; a contract turns one on by giving it a
     * severity.
     */
    public static final List<Rule> RULES = List.of(
            new Rule("table-without-primary-key", true, Severity.HIGH),
            new Rule("foreign-key-type-mismatch", true, Severity.HIGH),
            new Rule("self-referencing-foreign-key", true, Severity.HIGH),
            new Rule("foreign-key-without-index", true, Severity.MEDIUM),
            new Rule("nullable-column-in-unique-index", true, Severity.MEDIUM),
            new Rule("redundant-index", true, Severity.MEDIUM),
            new Rule("table-cycle", true, Severity.MEDIUM),
            new Rule("quoted-name", true, Severity.LOW),
            new Rule("same-name-different-type", true, Severity.LOW),
            new Rule("table-without-indexes", true, Severity.LOW),
            new Rule("all-columns-nullable", true, Severity.LOW),
            new Rule("single-column-table", true, Severity.LOW),
            new Rule("numbered-columns", true, Severity.LOW),
            new Rule("composite-primary-key", false, Severity.LOW),
            new Rule("primary-key-not-first", false, Severity.LOW),
            new Rule("no-remarks", false, Severity.LOW));

    /** Every rule on by default at its severity; nothing fails: what {@code designLint: on} gives. */
    public static final DesignLintSettings DEFAULT = new DesignLintSettings(true, Map.of(), List.of(), null, List.of());

    /** No design lint at all: the default of a run whose contract has no {@code designLint:} section. */
    public static final DesignLintSettings OFF = DEFAULT.withEnabled(false);

    /**
     * One of the team's own rules: a query that returns a row when the schema breaks the rule.
     *
     * @param name     the rule's name in reports
     * @param severity its severity
     * @param message  the sentence a finding reads
     * @param sql      the query; with {@code perTable}, {@code ${table}} stands for each table's qualified,
     *                 quoted name
     * @param perTable whether the query runs once per table (SchemaCrawler's table SQL linter) or once
     *                 for the schema (its catalog SQL linter)
     */
    public record SqlRule(String name, Severity severity, String message, String sql, boolean perTable) {
        public SqlRule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sql, "sql");
        }
    }

    public DesignLintSettings {
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        exclude = List.copyOf(exclude);
        sqlRules = List.copyOf(sqlRules);
        for (String name : rules.keySet()) {
            if (rule(name).isEmpty()) {
                throw new IllegalArgumentException("unknown design lint rule '" + name + "'; the rules are "
                        + String.join(", ", RULES.stream().map(Rule::name).toList()));
            }
        }
    }

    /**
     * The settings a contract gives, or {@link #OFF} when it gives none (or there is no contract): the
     * lint is opt-in, since loading SchemaCrawler and reading the head with it adds a third to a small
     * verification, warm, and more to a first one (docs/performance.md gives the figures).
     */
    public static DesignLintSettings of(Contract contract) {
        return contract == null || contract.designLint() == null ? OFF : contract.designLint();
    }

    /**
     * These settings as a front end's switches change them (a command-line option, a test setting).
     *
     * @param on     {@code on} or {@code off} (also {@code true}, {@code false}), or {@code null}: as they are
     * @param failOn {@code none} or a severity, or {@code null}: as they are. A severity also turns the lint
     *               on, unless {@code on} turns it off: asking for a gate asks for the lint
     * @throws IllegalArgumentException naming the allowed values, when one is not among them (the
     *                                  message begins with the value: the caller says where it was given)
     */
    public DesignLintSettings switchedBy(String on, String failOn) {
        DesignLintSettings settings = this;
        Boolean enable = null;
        if (on != null) {
            enable = switch (on.strip().toLowerCase(Locale.ROOT)) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw new IllegalArgumentException("'" + on + "'; allowed: on, off");
            };
        }
        if (failOn != null) {
            if (failOn.strip().equalsIgnoreCase("none")) {
                settings = settings.withFailOn(null);
            } else {
                Severity severity = Severity.named(failOn).orElseThrow(() -> new IllegalArgumentException("'" + failOn
                        + "'; allowed: none, low, medium, high, critical"));
                settings = settings.withFailOn(severity);
                enable = enable == null || enable;
            }
        }
        return enable == null ? settings : settings.withEnabled(enable);
    }

    /** The rule of this name, if the design lint knows one. */
    public static Optional<Rule> rule(String name) {
        return RULES.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The severity a rule runs at under these settings, or empty when it does not run. */
    public Optional<Severity> severityOf(String ruleName) {
        Rule rule = rule(ruleName).orElseThrow(() -> new IllegalArgumentException("unknown design lint rule " + ruleName));
        if (!enabled) {
            return Optional.empty();
        }
        Optional<Severity> given = rules.get(ruleName);
        if (given != null) {
            return given;
        }
        return rule.onByDefault() ? Optional.of(rule.severity()) : Optional.empty();
    }

    /** Whether a finding of this severity fails the verification. */
    public boolean fails(Severity severity) {
        return failOn != null && severity.compareTo(failOn) >= 0;
    }

    /** Whether no rule looks at a table of this name. */
    public boolean excludes(String table) {
        return exclude.stream().anyMatch(glob -> Contract.globPattern(glob).matcher(table).matches());
    }

    /** These settings, with the design lint on or off. */
    public DesignLintSettings withEnabled(boolean on) {
        return new DesignLintSettings(on, rules, exclude, failOn, sqlRules);
    }

    /** These settings, failing from this severity on ({@code null}: failing nothing). */
    public DesignLintSettings withFailOn(Severity severity) {
        return new DesignLintSettings(enabled, rules, exclude, severity, sqlRules);
    }

    /** These settings, with a rule at this severity, or off ({@link Optional#empty()}). */
    public DesignLintSettings withRule(String ruleName, Optional<Severity> severity) {
        Map<String, Optional<Severity>> changed = new LinkedHashMap<>(rules);
        changed.put(ruleName, severity);
        return new DesignLintSettings(enabled, changed, exclude, failOn, sqlRules);
    }

    /** These settings, leaving tables that match one more glob alone. */
    public DesignLintSettings withExclude(String glob) {
        List<String> more = new ArrayList<>(exclude);
        more.add(glob);
        return new DesignLintSettings(enabled, rules, more, failOn, sqlRules);
    }

    /** These settings, with one more of the team's own rules. */
    public DesignLintSettings withSqlRule(SqlRule rule) {
        List<SqlRule> more = new ArrayList<>(sqlRules);
        more.add(rule);
        return new DesignLintSettings(enabled, rules, exclude, failOn, more);
    }
}
