package dev.asyncbench.bench.fork;

import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;

/**
 * Prints each model's traits and describe() line as a measured fork sees them: run with the
 * forks' flags, since a model may size its limits from the heap ({@code -Xmx}). One line per
 * model, tab-separated: name, concurrent, maxWaiting, maxMassTasks, provider class, describe.
 */
public final class ModelsProbe {
    private ModelsProbe() {
    }

    public static void main(String[] args) {
        for (TaskScenario m : Models.all()) {
            try (m) {
                Traits t = m.traits();
                System.out.println(String.join("\t", m.name(), Boolean.toString(t.concurrent()), Integer.toString(t.maxWaiting()),
                        Integer.toString(t.maxMassTasks()), m.getClass().getName(), m.describe().replace('\t', ' ').replace('\n', ' ')));
            }
        }
        System.out.flush();
    }
}
