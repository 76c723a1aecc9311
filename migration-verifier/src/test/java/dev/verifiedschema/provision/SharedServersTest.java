package dev.verifiedschema.provision;

import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TestServer.class)
class SharedServersTest {
    @Test
    void aLeaseAcquiredInTheBackgroundIsTheSameSharedServerAndTheLastCloseReleasesIt(PostgresServer embedded) {
        ServerSettings settings = new ServerSettings(ProviderKind.EXTERNAL, embedded.jdbcUrl("postgres"), null, null,
                0, null);
        int before = SharedServers.startedCount();
        try (SharedServers.PendingLease pending = SharedServers.acquireInBackground(settings);
             SharedServers.Lease direct = SharedServers.acquire(settings)) {
            assertThat(pending.lease().server()).as("one server per settings").isSameAs(direct.server());
            assertThat(SharedServers.startedCount()).isEqualTo(before + 1);
        }
        try (SharedServers.Lease again = SharedServers.acquire(settings)) {
            assertThat(SharedServers.startedCount()).as("both leases closed: the next one starts anew")
                    .isEqualTo(before + 2);
        }
    }

    @Test
    void whatStopsABackgroundStartIsThrownToWhoeverNeedsTheServerAndClosingIsQuiet() {
        ServerSettings noUrl = new ServerSettings(ProviderKind.EXTERNAL, null, null, null, 0, null);
        SharedServers.PendingLease pending = SharedServers.acquireInBackground(noUrl);

        assertThatThrownBy(pending::lease).isInstanceOf(ProvisionException.class).hasMessageContaining("no URL is set");
        assertThatThrownBy(pending::lease).as("every use sees it").isInstanceOf(ProvisionException.class);
        assertThatCode(pending::close).doesNotThrowAnyException();
    }
}
