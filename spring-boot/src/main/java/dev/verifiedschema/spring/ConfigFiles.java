package dev.verifiedschema.spring;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

/**
 * Names the YAML file that broke reading the configuration: Spring Boot's error carries the parser's line and
 * column but not the file, so the application's {@code application*.yml}/{@code .yaml} files (on the class path
 * root and in {@code config/}) are parsed one by one and the first that does not parse is named.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Optional<String> unparsable(ClassLoader loader) {
        for (String dir : new String[]{"", "config/"}) {
            try {
                for (URL root : Collections.list(loader.getResources(dir.isEmpty() ? "" : "config"))) {
                    if (!"file".equals(root.getProtocol())) {
                        continue;
                    }
                    java.io.File[] files = new java.io.File(root.toURI()).listFiles((d, name) ->
                            name.startsWith("application") && (name.endsWith(".yml") || name.endsWith(".yaml")));
                    for (java.io.File file : files == null ? new java.io.File[0] : files) {
                        if (!parses(file.toURI().toURL())) {
                            return Optional.of("classpath:" + dir + file.getName());
                        }
                    }
                }
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean parses(URL url) {
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(document -> { });
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
