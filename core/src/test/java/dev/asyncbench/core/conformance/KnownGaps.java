package dev.asyncbench.core.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of rules a model cannot meet, {@code core/src/test/resources/known-gaps.txt}
 * (shipped in core's test-jar). A line reads {@code model rule-id reason}; {@code #} starts a
 * comment. The kit aborts a listed test with the listed reason, and nothing else is skipped.
 * Hello and gather rules can never be listed: they are the point of the comparison.
 */
final class KnownGaps {

    static final String RESOURCE = "known-gaps.txt";

    private final Map<String, String> reasons;

    private KnownGaps(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    /** The file on the class path; there must be exactly one. */
    static KnownGaps load(Set<String> ruleIds) {
        List<URL> found;
        try {
            found = Collections.list(KnownGaps.class.getClassLoader().getResources(RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + RESOURCE, e);
        }
        if (found.size() != 1) {
            throw new IllegalStateException("known gaps live in one file, core/src/test/resources/" + RESOURCE
                    + " (in core's test-jar); found " + found.size() + ": " + found);
        }
        try (InputStream in = found.getFirst().openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), found.getFirst().toString(), ruleIds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + found.getFirst(), e);
        }
    }

    static KnownGaps parse(String text, String source, Set<String> ruleIds) {
        Map<String, String> reasons = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = source + ":" + (n + 1) + ": ";
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) throw new IllegalArgumentException(where + "expected 'model rule-id reason', was '" + line + "'");
            String model = parts[0];
            String rule = parts[1].toLowerCase(Locale.ROOT);
            if (!ruleIds.contains(rule)) throw new IllegalArgumentException(where + "unknown rule '" + parts[1] + "'; rules: " + ruleIds);
            if (rule.startsWith("h") || rule.startsWith("g")) {
                throw new IllegalArgumentException(where + "hello and gather rules cannot be listed as gaps ('" + parts[1] + "')");
            }
            if (reasons.putIfAbsent(model + " " + rule, parts[2]) != null) {
                throw new IllegalArgumentException(where + model + " " + parts[1] + " is listed twice");
            }
        }
        return new KnownGaps(Map.copyOf(reasons));
    }

    /** The reason the model cannot meet the rule, if it is listed. */
    Optional<String> reason(String model, String ruleId) {
        return Optional.ofNullable(reasons.get(model + " " + ruleId.toLowerCase(Locale.ROOT)));
    }
}
