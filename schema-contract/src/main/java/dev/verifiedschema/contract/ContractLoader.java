package dev.verifiedschema.contract;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a {@link Contract} from YAML. Every problem in a file is reported at once, each with its
 * line and column, in a {@link ContractException}; unknown keys are never ignored.
 *
 * <pre>{@code
 * Contract contract = ContractLoader.load(Path.of("talentai-contract.yaml"));
 * Contract bundled  = ContractLoader.fromClasspath("talentai-contract.yaml");
 * }</pre>
 */
public final class ContractLoader {
    private ContractLoader() {
    }

    /** What the first bytes of a file that is not UTF-8 suggest it is. */
    private static String encodingHint(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            if (head.length == 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                    || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
                return "it starts with a UTF-16 byte order mark";
            }
        } catch (IOException ignored) {
            // the caller's message stands without the hint
        }
        return "it holds bytes that are no UTF-8 character, as Latin-1 or Windows-1252 files do";
    }

    /** Loads a contract file. */
    public static Contract load(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw whole(source, "the contract file does not exist (looked in "
                    + file.toAbsolutePath().normalize() + "); check the path", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw whole(source, "the contract file is not UTF-8 text (" + encodingHint(file) + "); save it as UTF-8", e);
        } catch (IOException e) {
            throw whole(source, Files.isDirectory(file) ? "this is a directory, not a contract file; give the path of "
                    + "the contract's YAML file" : "the contract file cannot be read (" + e + "); check its permissions", e);
        }
        return parse(text, source);
    }

    /**
     * Loads a contract from the classpath; a leading {@code classpath:} and {@code /} are allowed.
     */
    public static Contract fromClasspath(String resource) {
        String path = resource.replaceFirst("^classpath:", "").replaceFirst("^/", "");
        String source = "classpath:" + path;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ContractLoader.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw whole(source, "no such resource on the classpath; put the file under src/main/resources "
                        + "or src/test/resources, or give a file path instead", null);
            }
            byte[] bytes = in.readAllBytes();
            try {
                return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(), source);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw whole(source, "the contract is not UTF-8 text; save it as UTF-8", e);
            }
        } catch (IOException e) {
            throw whole(source, "the contract cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses contract YAML.
     *
     * @param yaml   the text
     * @param source where the text came from, used in every message
     */
    public static Contract parse(String yaml, String source) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // duplicates are reported by the reader, with both lines
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ContractException(source, List.of(new ContractProblem(source,
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "this is not valid YAML: " + what
                            + (e.getContext() == null ? "" : " (" + e.getContext() + ")"))), e);
        } catch (YAMLException e) {
            throw whole(source, "this is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw whole(source, "the contract is empty; it needs at least a 'tables:' section", null);
        }
        ContractReader reader = new ContractReader(source);
        Contract contract = reader.read(root);
        if (!reader.problems().isEmpty()) {
            throw new ContractException(source, reader.problems());
        }
        return contract;
    }

    private static ContractException whole(String source, String message, Throwable cause) {
        return new ContractException(source, List.of(new ContractProblem(source, 0, 0, message)), cause);
    }
}
