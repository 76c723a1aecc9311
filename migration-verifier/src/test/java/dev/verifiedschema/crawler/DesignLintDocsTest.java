package dev.verifiedschema.crawler;

import dev.verifiedschema.contract.DesignLintSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DesignLintDocsTest {
    @Test
    void docsDesignLintListsEveryRuleWithItsDefaultSeverityAndNothingElse() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "design-lint.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (low|medium|high|critical|off) \\|").matcher(doc);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> rules = new LinkedHashMap<>();
        DesignLintSettings.RULES.forEach(r -> rules.put(r.name(), r.onByDefault() ? r.severity().label() : "off"));

        assertThat(documented).isEqualTo(rules);
    }
}
