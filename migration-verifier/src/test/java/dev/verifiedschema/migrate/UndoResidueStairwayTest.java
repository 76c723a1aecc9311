package dev.verifiedschema.migrate;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What undo scripts of real sets leave behind, one set per kind of residue (sets {@code undo-*} on one
 * billing schema, V1 the same in each): the stairway reports each as the one finding of V2's undo
 * step, naming the object and saying how it differs from V1's.
 */
@ExtendWith(TestServer.class)
class UndoResidueStairwayTest {
    private PostgresServer server;

    @BeforeEach
    void sharedServer(PostgresServer server) {
        this.server = server;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            undo-leaves-extension     | U2__invoice_public_ids.sql      | added extension pgcrypto | left behind: extension pgcrypto version 1.3
            undo-sets-search-path     | U2__invoice_label_prefix.sql    | changed function invoice_label(i invoices) | changed: function invoice_label(i invoices) is returns text language sql STABLE SET search_path=public, pg_temp body#
            undo-renames-sequence     | U2__invoice_ids_identity.sql    | added sequence invoices_id_seq1, changed column invoices.id, removed sequence invoices_id_seq | left behind: sequence invoices_id_seq1 integer start 1 increment 1 owned by invoices.id
            undo-check-not-valid      | U2__credit_notes.sql            | changed check constraint invoices.invoices_total_check | changed: check constraint invoices.invoices_total_check is CHECK ((total_cents >= 0)) NOT VALID, was CHECK ((total_cents >= 0))
            undo-swaps-unique-columns | U2__global_account_emails.sql   | changed index billing_accounts.billing_accounts_tenant_email_key, changed unique constraint billing_accounts.billing_accounts_tenant_email_key | changed: unique constraint billing_accounts.billing_accounts_tenant_email_key is (email, tenant_id), was (tenant_id, email)
            undo-plain-index          | U2__email_index_per_tenant.sql  | changed index billing_accounts.billing_accounts_email_lower_idx | changed: index billing_accounts.billing_accounts_email_lower_idx is unique (email), was unique (lower(email))
            undo-drops-default        | U2__plan_chosen_at_checkout.sql | changed column billing_accounts.plan | changed: column billing_accounts.plan is text not null, was text not null default 'free'::text
            """)
    void eachResidueIsTheFindingOfTheUndoStepNamingTheObject(String set, String undo, String object, String line) {
        StairwayReport report = failed(Stairway.of(MigrationSet.load(List.of("classpath:sets/" + set))));

        assertThat(report.failures()).as(report.describe()).singleElement().satisfies(finding -> {
            assertThat(finding.where()).isEqualTo("V2 undo (" + undo + ")");
            assertThat(finding.kind()).isEqualTo(Finding.UNDO_SCHEMA);
            assertThat(finding.object()).isEqualTo(object);
            assertThat(finding.message()).contains("undo of V2 did not restore the schema of V1", "- " + line);
        });
    }

    @Test
    void aSequenceRecreatedUnderASuffixedNameIsReportedWithTheColumnWhoseDefaultNamesIt() {
        StairwayReport report = failed(Stairway.of(MigrationSet.load(List.of("classpath:sets/undo-renames-sequence"))));

        // as docs/stairway.md ("What a snapshot compares") shows it
        assertThat(report.describe()).contains("""
                failed verification at the undo step of V2 (U2__invoice_ids_identity.sql).
                  undo of V2 did not restore the schema of V1:
                    - changed: column invoices.id is integer not null default nextval('invoices_id_seq1'::regclass), \
                was integer not null default nextval('invoices_id_seq'::regclass)
                    - removed: sequence invoices_id_seq integer start 1 increment 1 owned by invoices.id
                    - left behind: sequence invoices_id_seq1 integer start 1 increment 1 owned by invoices.id""");
    }

    private StairwayReport failed(Stairway stairway) {
        String database = server.createDatabase(null);
        try {
            StairwayException e = catchThrowableOfType(StairwayException.class,
                    () -> stairway.run(server.dataSource(database)));
            assertThat(e).as("the stairway must fail").isNotNull();
            return e.report();
        } finally {
            server.dropDatabase(database);
        }
    }
}
