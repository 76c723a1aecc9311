package dev.verifiedschema.provision;

/**
 * What a caller asks of the server.
 *
 * @param provider  where the server comes from
 * @param url       the JDBC URL of an external server, or {@code null}
 * @param user      the user for an external server, or {@code null} to take it from the URL
 * @param password  the password for an external server, or {@code null}; never logged
 * @param pgVersion the PostgreSQL major version wanted, or 0 for the provider's default
 * @param image     the Docker image for Testcontainers, or {@code null} for {@code postgres:<version>-alpine}
 */
public record ServerSettings(ProviderKind provider, String url, String user, String password, int pgVersion,
                             String image) {

    /** The default: {@code auto}, nothing external configured. */
    public static ServerSettings defaults() {
        return new ServerSettings(ProviderKind.AUTO, null, null, null, 0, null);
    }

    /** The Docker image Testcontainers should run. */
    public String effectiveImage() {
        if (image != null && !image.isBlank()) {
            return image;
        }
        return "postgres:" + (pgVersion == 0 ? 17 : pgVersion) + "-alpine";
    }

    @Override
    public String toString() {
        return "ServerSettings[provider=" + provider + ", url=" + Secrets.maskUrl(url) + ", user=" + user
                + ", password=" + (password == null ? "none" : "****") + ", pgVersion=" + pgVersion
                + ", image=" + image + "]";
    }
}
