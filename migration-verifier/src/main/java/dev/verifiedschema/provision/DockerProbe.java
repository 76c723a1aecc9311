package dev.verifiedschema.provision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks whether a Docker engine answers, quickly: {@code GET /_ping} on {@code DOCKER_HOST} or the
 * usual sockets, with a short timeout.
 */
@FunctionalInterface
interface DockerProbe {

    /** Where a Docker engine answered, or empty when none did. */
    Optional<String> answeringEngine();

    /** The real probe, reading {@code DOCKER_HOST} from the environment. */
    static DockerProbe system() {
        return () -> probe(System.getenv("DOCKER_HOST"), Duration.ofSeconds(1));
    }

    /** Probes the given DOCKER_HOST value (or the default sockets when {@code null}). */
    static Optional<String> probe(String dockerHost, Duration timeout) {
        List<String> endpoints = new ArrayList<>();
        if (dockerHost != null && !dockerHost.isBlank()) {
            endpoints.add(dockerHost);
        } else {
            endpoints.add("unix:///var/run/docker.sock");
            endpoints.add("unix://" + System.getProperty("user.home") + "/.docker/run/docker.sock");
        }
        for (String endpoint : endpoints) {
            CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(endpoint));
            try {
                if (ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return Optional.of(endpoint);
                }
            } catch (Exception e) {
                ping.cancel(true);
            }
        }
        return Optional.empty();
    }

    private static boolean ping(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            SocketChannel channel;
            if ("unix".equals(uri.getScheme())) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    return false;
                }
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(socket));
            } else if ("tcp".equals(uri.getScheme())) {
                channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
            } else {
                return false;
            }
            try (channel) {
                channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer answer = ByteBuffer.allocate(512);
                channel.read(answer);
                String text = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
                return text.startsWith("HTTP/1.") && text.contains(" 200 ");
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
