package dev.verifiedschema.snapshot;

/**
 * One column of a {@link Table}.
 *
 * @param name         the column name as stored in the catalog
 * @param type         the normalised type, as PostgreSQL's {@code format_type} spells it
 *                     ({@code bigint}, {@code numeric(12,2)}, {@code timestamp with time zone},
 *                     {@code text[]}, or an enum's name)
 * @param nullable     whether the column accepts {@code NULL}
 * @param defaultValue the default expression, or {@code null} when there is none
 * @param identity     {@code ALWAYS} or {@code BY DEFAULT} for identity columns, else {@code null}
 */
public record Column(String name, String type, boolean nullable, String defaultValue, String identity) {
}
