package dev.verifiedschema.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The normalisation that lets two pg_dump outputs be compared as PgDumpOracleTest does. */
class PgDumpTest {
    private static final String DUMP = """
            --
            -- PostgreSQL database dump
            --

            \\restrict aBcD1234
            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);

            --
            -- Name: marker; Type: SCHEMA; Schema: -; Owner: -
            --

            CREATE SCHEMA marker;

            --
            -- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
            --

            CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

            SET default_tablespace = '';

            --
            -- Name: invoices; Type: TABLE; Schema: public; Owner: -
            --

            CREATE TABLE public.invoices (
                id integer NOT NULL,
                number   text NOT NULL,
                CONSTRAINT invoices_total_check CHECK ((total_cents >= 0))
            );

            --
            -- Name: flags; Type: TABLE; Schema: marker; Owner: -
            --

            CREATE TABLE marker.flags (
                id integer
            );

            \\unrestrict aBcD1234
            """;

    @Test
    void keepsTheSchemasObjectsAndExtensionsWithoutSettingsOrMetaCommandsColumnsSorted() {
        assertThat(PgDump.normalise(DUMP, "public")).containsExactly(
                "EXTENSION: CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;",
                "TABLE: CREATE TABLE public.invoices ( CONSTRAINT invoices_total_check CHECK ((total_cents >= 0)) "
                        + "id integer NOT NULL number text NOT NULL );");
    }

    @Test
    void theSameTableWithItsColumnsInAnotherOrderIsEqualAndAnotherColumnIsNot() {
        String reordered = DUMP.replace("    id integer NOT NULL,\n    number   text NOT NULL,",
                "    number text NOT NULL,\n    id integer NOT NULL,");
        String changed = DUMP.replace("    number   text NOT NULL,", "    number   text,");

        assertThat(reordered).isNotEqualTo(DUMP);
        assertThat(PgDump.normalise(reordered, "public")).isEqualTo(PgDump.normalise(DUMP, "public"));
        assertThat(PgDump.normalise(changed, "public")).isNotEqualTo(PgDump.normalise(DUMP, "public"));
    }
}
