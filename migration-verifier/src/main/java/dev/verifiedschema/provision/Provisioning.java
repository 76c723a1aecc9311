package dev.verifiedschema.provision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Chooses a provider and starts a server. {@code auto} picks external if a URL is configured,
 * else Testcontainers if a Docker engine answers within a second, else embedded, and logs which one
 * it picked and why.
 */
final class Provisioning {
    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);

    private Provisioning() {
    }

    /**
     * The provider to use and the reason, in words.
     *
     * @param kind   the provider that was chosen
     * @param reason why, for the log line
     */
    record Choice(ProviderKind kind, String reason) {
    }

    /** Decides which provider the settings call for, asking the probe only when it matters. */
    static Choice choose(ServerSettings settings, DockerProbe docker) {
        boolean hasUrl = settings.url() != null && !settings.url().isBlank();
        switch (settings.provider()) {
            case EMBEDDED:
                return new Choice(ProviderKind.EMBEDDED, "provider embedded was asked for");
            case TESTCONTAINERS:
                return new Choice(ProviderKind.TESTCONTAINERS, "provider testcontainers was asked for");
            case EXTERNAL:
                if (!hasUrl) {
                    throw new ProvisionException("Provider external was asked for, but no URL is set; set "
                            + "verifiedschema.url (and verifiedschema.user, verifiedschema.password) to a "
                            + "jdbc:postgresql:// URL of the server");
                }
                return new Choice(ProviderKind.EXTERNAL, "provider external was asked for");
            default:
                if (hasUrl) {
                    return new Choice(ProviderKind.EXTERNAL, "auto: a URL is configured (" 
                            + Secrets.maskUrl(settings.url()) + ")");
                }
                Optional<String> engine = docker.answeringEngine();
                return engine.map(e -> new Choice(ProviderKind.TESTCONTAINERS, "auto: a Docker engine answered at " + e))
                        .orElseGet(() -> new Choice(ProviderKind.EMBEDDED,
                                "auto: no URL configured and no Docker engine answered"));
        }
    }

    /** Chooses with the real Docker probe and starts the server. */
    static PostgresServer start(ServerSettings settings) {
        return start(settings, DockerProbe.system());
    }

    /** Chooses with the given probe and starts the server. */
    static PostgresServer start(ServerSettings settings, DockerProbe docker) {
        Choice choice = choose(settings, docker);
        LOG.info("PostgreSQL provider: {} ({})", choice.kind().name().toLowerCase(), choice.reason());
        return switch (choice.kind()) {
            case EMBEDDED -> EmbeddedServer.start(settings.pgVersion());
            case TESTCONTAINERS -> ContainerServer.start(settings.effectiveImage());
            case EXTERNAL -> ExternalServer.connect(settings.url(), settings.user(), settings.password());
            case AUTO -> throw new IllegalStateException("auto is resolved by choose()");
        };
    }
}
