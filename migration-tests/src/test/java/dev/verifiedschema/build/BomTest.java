package dev.verifiedschema.build;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verified-schema-bom manages every artifact a user adds (each module but the build's own: benchmarks,
 * migration-tests, the samples), at the reactor's version, and nothing else.
 */
class BomTest {
    private static final Path ROOT = Path.of("..");
    /** The build's own modules, and the plugin, whose version a BOM cannot set (plugins are not dependencies). */
    private static final Set<String> NOT_FOR_USERS = Set.of("bom", "benchmarks", "migration-tests", "maven-plugin");

    @Test
    void theBomManagesEveryUserFacingModuleAtTheReactorsVersion() throws Exception {
        Document root = read(ROOT.resolve("pom.xml"));
        String version = child(root.getDocumentElement(), "version");
        Map<String, String> expected = new TreeMap<>();
        for (String module : texts(element(root.getDocumentElement(), "modules"), "module")) {
            if (!module.startsWith("samples/") && !NOT_FOR_USERS.contains(module)) {
                expected.put(child(read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId"),
                        version);
            }
        }

        Document bom = read(ROOT.resolve("bom/pom.xml"));
        Map<String, String> managed = new TreeMap<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "groupId")).isEqualTo("dev.verifiedschema");
            managed.put(child(dependency, "artifactId"), child(dependency, "version"));
        }

        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);
        assertThat(managed).isEqualTo(expected);
        assertThat(bom.getElementsByTagName("parent").getLength()).as("a parent would manage Flyway and JUnit too")
                .isZero();
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).exists();
        try (var in = Files.newInputStream(pom)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static String child(Element parent, String name) {
        Element found = element(parent, name);
        return found == null ? null : found.getTextContent().strip();
    }

    private static Element element(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<String> texts(Element parent, String name) {
        List<String> texts = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                texts.add(e.getTextContent().strip());
            }
        }
        return texts;
    }
}
