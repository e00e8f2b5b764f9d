package dev.asyncbench.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's scenarios x models table and every other relative link point at files that exist. */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkInTheDocsResolves() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        for (String doc : List.of("README.md", "SPEC.md", "CONTRIBUTING.md", "docs/testbed.md", "docs/soak.md", "docs/sample-full/README.md",
                "docs/sample-quick/README.md", "bench/README.md")) {
            Path file = root.resolve(doc);
            if (!Files.exists(file)) continue;
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) continue;
                if (!Files.exists(file.getParent().resolve(target))) broken.add(doc + " -> " + target);
            }
        }
        assertEquals(List.of(), broken, "links to files that do not exist");
    }

    @Test
    void theReadmeTableLinksEveryScenarioOfEveryModel() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String file : List.of("Hello", "Gather", "HttpFanOut", "FileDigests", "Db", "Aggregate", "Timeout", "Race")) {
            for (String module : List.of("core/src/main/java/dev/asyncbench/core/sequential/", "threads-impl/", "futures-impl/",
                    "rx-impl/", "virtual-threads-impl/", "coroutines-impl/")) {
                assertTrue(Pattern.compile("\\(" + Pattern.quote(module) + "(?:[^)]*/)?" + file + "\\.(java|kt)\\)").matcher(readme).find(),
                        () -> "README's table lacks a link to " + module + "..." + file);
            }
        }
    }
}
