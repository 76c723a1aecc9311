package dev.verifiedschema.spring;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the YAML file that broke reading the configuration: Spring Boot's error carries the parser's line and
 * column but not the file, so the application's {@code application.yml} and the files of the active profiles
 * (on the class path root and in {@code config/}) are parsed one by one and the first that does not parse is named.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /**
     * The first of the application's YAML files for these profiles that does not parse, when YAML is what
     * failed; empty otherwise.
     */
    static Optional<String> unparsable(ClassLoader loader, List<String> profiles, Throwable failure) {
        boolean yaml = false;
        for (Throwable t = failure; t != null && !yaml; t = t.getCause()) {
            yaml = t instanceof YAMLException;
        }
        if (!yaml) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String profile : profiles) {
            if (!profile.isBlank()) {
                names.add("application-" + profile.strip() + ".yml");
                names.add("application-" + profile.strip() + ".yaml");
            }
        }
        names.add("application.yml");
        names.add("application.yaml");
        for (String dir : new String[]{"", "config/"}) {
            try {
                for (URL root : Collections.list(loader.getResources(dir.isEmpty() ? "" : "config"))) {
                    if (!"file".equals(root.getProtocol())) {
                        continue;
                    }
                    java.io.File[] files = new java.io.File(root.toURI()).listFiles((d, name) -> names.contains(name));
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
