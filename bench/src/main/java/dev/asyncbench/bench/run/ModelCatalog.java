package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol;
import dev.asyncbench.bench.fork.ModelsProbe;
import dev.asyncbench.bench.fork.ModelsProbe.Model;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's models as a measured fork sees them, read once by {@link ModelsProbe} in a JVM
 * with the forks' flags (a model may size its limits from the heap), in the order the run
 * names them; and every model's provider class, so that each fork creates only its own. The
 * asyncio row, which is not on the class path, is read from its harness ({@link AsyncioRow}).
 */
public final class ModelCatalog {

    private final Map<String, Model> chosen;
    private final Map<String, Model> probed;
    private final Map<String, String> providers;

    private ModelCatalog(Map<String, Model> chosen, Map<String, Model> probed, Map<String, String> providers) {
        this.chosen = chosen;
        this.probed = probed;
        this.providers = providers;
    }

    /** Probes the models in a JVM started with {@code forkFlags}; what it cannot tell is read in this JVM. */
    static ModelCatalog probe(List<String> forkFlags, List<String> names) {
        Map<String, Model> probed = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(JavaCommand.java());
        command.addAll(forkFlags);
        command.addAll(List.of("-cp", JavaCommand.classPath(), ModelsProbe.class.getName()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : output.lines().toList()) {
                Model m = Model.parse(line);
                if (m != null) probed.put(m.name(), m);
            }
        } catch (IOException | RuntimeException e) {
            // below: whatever is missing is read in this JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, String> providers = new LinkedHashMap<>();
        probed.values().forEach(m -> providers.put(m.name(), m.provider()));
        Map<String, Model> chosen = new LinkedHashMap<>();
        for (String name : names) {
            Model m = name.equals(AsyncioRow.NAME) ? AsyncioRow.model() : probed.get(name);
            if (m == null) {
                try (TaskScenario model = Models.byName(name)) {
                    m = Model.of(model);
                }
            }
            chosen.put(name, m);
        }
        return new ModelCatalog(chosen, probed, providers);
    }

    Model get(String name) {
        return chosen.get(name);
    }

    /**
     * The JVM model whose fork writes a size's reference file for a model of another runtime
     * ({@link PythonFork}): the first concurrent one, in the models' order; null when none was probed.
     */
    Model referenceHost() {
        return probed.values().stream().filter(m -> m.traits().concurrent()).findFirst().orElse(null);
    }

    /** Each chosen model's describe() line, in the run's order. */
    Map<String, String> describe() {
        Map<String, String> lines = new LinkedHashMap<>();
        chosen.forEach((name, m) -> lines.put(name, m.describe()));
        return lines;
    }

    /** The value of {@link ForkProtocol.Property#MODELS}, or null when the probe found none. */
    String providers() {
        return providers.isEmpty() ? null : ForkProtocol.pairs(providers);
    }
}
