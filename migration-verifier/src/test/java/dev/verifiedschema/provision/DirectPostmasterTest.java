package dev.verifiedschema.provision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DirectPostmasterTest {
    @Test
    void afterZonkyHasStartedABinariesSetTheNextServerStartsWithoutItAndStopsCompletely() throws Exception {
        String key = InitdbTemplate.keyFor(Optional.empty()).orElseThrow();
        try (EmbeddedServer first = EmbeddedServer.start(0)) {
            assertWorks(first);
        }
        assertThat(DirectPostmaster.binaries(key)).as("where zonky extracted the binaries is recorded").isPresent();

        EmbeddedServer server = EmbeddedServer.start(0);
        Path data = dataDirectory(server);
        try {
            assertThat(server.description()).contains("from the initdb template, without pg_ctl");
            assertWorks(server);
        } finally {
            server.close();
        }
        assertThat(data).as("the data directory goes with the server").doesNotExist();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(data.toString())))
                .as("no process runs on it any more").isEmpty();
    }

    @Test
    void aRecordOfBinariesThatAreGoneIsNotUsed(@TempDir Path dir) throws Exception {
        String key = "test-" + ProcessHandle.current().pid() + "-gone";
        Path record = InitdbTemplate.workingDirectory().resolve(DirectPostmaster.RECORD_PREFIX + key);
        Files.createDirectories(record.getParent());
        Files.writeString(record, dir.resolve("PG-removed") + "\n");
        try {
            assertThat(DirectPostmaster.binaries(key)).isEmpty();
        } finally {
            Files.deleteIfExists(record);
        }
    }

    @Test
    void aRecordOrTemplateAnotherUserPutInTheSharedDirectoryIsNotUsed(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "only root can give a file to another user");
        var nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        String key = "test-" + ProcessHandle.current().pid() + "-planted";
        Path binaries = Files.createDirectories(dir.resolve("PG-planted/bin"));
        Files.writeString(binaries.getParent().resolve(".exists"), "");
        Path postgres = Files.writeString(binaries.resolve("postgres"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path record = InitdbTemplate.workingDirectory().resolve(DirectPostmaster.RECORD_PREFIX + key);
        Files.createDirectories(record.getParent());
        Files.writeString(record, binaries.getParent() + "\n");
        InitdbTemplate template = new InitdbTemplate(dir.resolve("verified-schema-initdb-planted"));
        Files.createDirectories(template.directory());
        Files.writeString(template.directory().resolve("PG_VERSION"), "17\n");
        Files.writeString(template.directory().resolve("postgresql.conf"), "archive_command = 'x'\n");
        try {
            assertThat(DirectPostmaster.binaries(key)).as("this user's own record").isPresent();
            assertThat(template.exists()).isTrue();

            Files.setOwner(postgres, nobody);
            Files.setOwner(template.directory().resolve("postgresql.conf"), nobody);
            assertThat(DirectPostmaster.binaries(key)).as("a postgres another user put there").isEmpty();
            assertThat(template.exists()).as("a template another user put there").isFalse();

            Files.setOwner(postgres, Files.getOwner(dir));
            Files.setOwner(record, nobody);
            assertThat(DirectPostmaster.binaries(key)).as("a record another user wrote").isEmpty();
        } finally {
            Files.deleteIfExists(record);
        }
    }

    @Test
    void binariesThatDoNotStartAreLeftToZonkyAndTheServerStartsAllTheSame(@TempDir Path dir) throws Exception {
        String key = InitdbTemplate.keyFor(Optional.empty()).orElseThrow();
        try (EmbeddedServer first = EmbeddedServer.start(0)) {
            assertWorks(first); // a template and a record are there
        }
        Path record = InitdbTemplate.workingDirectory().resolve(DirectPostmaster.RECORD_PREFIX + key);
        Path kept = dir.resolve("record");
        Files.copy(record, kept);
        Path broken = Files.createDirectories(dir.resolve("PG-broken/bin"));
        Files.writeString(broken.getParent().resolve(".exists"), "");
        Path postgres = Files.writeString(broken.resolve("postgres"), "#!/bin/sh\necho 'FATAL: these are no binaries' >&2\nexit 3\n");
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(record, broken.getParent() + "\n");
        try {
            try (EmbeddedServer server = EmbeddedServer.start(0)) {
                assertThat(server.description()).doesNotContain("without pg_ctl");
                assertWorks(server);
            }
            assertThat(DirectPostmaster.binaries(key)).as("zonky's start recorded the real binaries again")
                    .isPresent().get().isNotEqualTo(broken.getParent());
        } finally {
            Files.copy(kept, record, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path dataDirectory(EmbeddedServer server) throws Exception {
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            return Path.of(rs.getString(1));
        }
    }

    private static void assertWorks(EmbeddedServer server) throws Exception {
        String database = server.createDatabase(null);
        try (Connection c = server.dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('max_connections')")) {
            rs.next();
            assertThat(rs.getString(1)).as("the embedded server's settings").isEqualTo("off");
            assertThat(rs.getString(2)).isEqualTo("300");
        } finally {
            server.dropDatabase(database);
        }
    }
}
