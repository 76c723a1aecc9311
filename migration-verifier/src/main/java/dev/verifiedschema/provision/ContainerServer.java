package dev.verifiedschema.provision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a Docker container started by Testcontainers, for machines with a Docker engine. */
final class ContainerServer extends ManagedServer {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerServer.class);
    private final PostgreSQLContainer container;

    private ContainerServer(PostgreSQLContainer container) {
        super(new JdbcServer(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword()), container.getDatabaseName());
        this.container = container;
    }

    /** Starts a container from the image, e.g. {@code postgres:17-alpine}. */
    static ContainerServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("postgres"))
                .withCommand("postgres", "-c", "fsync=off", "-c", "full_page_writes=off");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new ProvisionException("Testcontainers could not start PostgreSQL from image " + image + ": "
                    + e.getMessage() + ". Check that Docker is running and the image exists, or use "
                    + "verifiedschema.provider=embedded.", e);
        }
        ContainerServer server = new ContainerServer(container);
        LOG.info("Started {}", server.description());
        return server;
    }

    @Override
    public String provider() {
        return "testcontainers";
    }

    @Override
    public String description() {
        return "PostgreSQL container " + container.getDockerImageName() + " on " + container.getHost() + ":"
                + container.getMappedPort(5432);
    }

    @Override
    public void close() {
        container.stop();
    }
}
