package dev.asyncbench.bench.fork;

import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;

import java.time.Duration;

/**
 * Prints each model's facts as a measured fork sees them: run with the forks' flags, since a
 * model may size its limits from the heap ({@code -Xmx}). One {@link Model} line per model, in
 * the models' own order.
 */
public final class ModelsProbe {

    private ModelsProbe() {
    }

    /** One model as the runner needs it: its traits, where it is created from, its cost of starting a task, its line. */
    public record Model(String name, Traits traits, String provider, Duration taskStart, String describe) {

        public static Model of(TaskScenario m) {
            return new Model(m.name(), m.traits(), m.getClass().getName(), m.taskStart(), m.describe());
        }

        /** The line this model travels as: tab-separated fields. */
        public String line() {
            return String.join("\t", name, Boolean.toString(traits.concurrent()), Integer.toString(traits.maxWaiting()),
                    Integer.toString(traits.maxMassTasks()), provider, Long.toString(taskStart.toNanos()),
                    describe.replace('\t', ' ').replace('\n', ' '));
        }

        /** The model on this line, or null when the line is not one. */
        public static Model parse(String line) {
            String[] f = line.split("\t", 7);
            if (f.length != 7) return null;
            try {
                return new Model(f[0], new Traits(Boolean.parseBoolean(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])), f[4],
                        Duration.ofNanos(Long.parseLong(f[5])), f[6]);
            } catch (IllegalArgumentException notOurs) {
                return null;
            }
        }
    }

    public static void main(String[] args) {
        for (TaskScenario m : Models.all()) {
            try (m) {
                System.out.println(Model.of(m).line());
            }
        }
        System.out.flush();
    }
}
