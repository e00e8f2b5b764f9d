package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ModelsProbe.Model;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a run measures, in order: one {@link Combination} per scenario, size and model, with its estimate. */
public record Plan(List<Combination> combinations) {

    /** One thing to measure; {@code estimateMs} is negative when it is over the budget (recorded as skipped). */
    public record Combination(BenchScenario scenario, Size size, Model model, double opEstimateMs, double estimateMs,
                              int warmups, int measurements) {
        public String label() {
            return scenario.id() + " " + model.name() + " " + size.label();
        }

        boolean overBudget() {
            return estimateMs < 0;
        }
    }

    public Plan {
        combinations = List.copyOf(combinations);
    }

    static Plan of(RunSettings settings, ModelCatalog models) {
        List<Combination> plan = new ArrayList<>();
        for (var entry : settings.sizes().entrySet()) {
            BenchScenario s = entry.getKey();
            for (Size size : entry.getValue()) {
                for (String name : settings.models()) {
                    Model model = models.get(name);
                    double op = Estimates.opMs(s, size, model);
                    int w = settings.warmups(s, op);
                    int m = settings.measurements(s, op);
                    // every fork starts a JVM and runs the whole combination again
                    double all = settings.forks() * Estimates.combinationMs(s, size, model, settings.preset().warmUpMs,
                            settings.preset().memoryProbes, w, m);
                    boolean over = op > settings.budget(s, size, model).toMillis();
                    plan.add(new Combination(s, size, model, op, over ? -1 : all, w, m));
                }
            }
        }
        return new Plan(plan);
    }

    /** The estimate of the combinations that run, in ms. */
    double estimateMs() {
        return combinations.stream().mapToDouble(c -> Math.max(0, c.estimateMs())).sum();
    }

    /** Prints every combination with its iterations and estimate (or why it is skipped), the minimal programs, and the total. */
    void print(PrintStream out, MinimalRuns minimal) {
        double total = 0;
        for (Combination c : combinations) {
            if (c.overBudget()) {
                out.printf("%-60s skipped: about %s per operation%n", c.label(), Durations.format(ms(c.opEstimateMs())));
            } else {
                out.printf("%-60s %2d+%-2d iterations of about %-9s %s%n", c.label(), c.warmups(), c.measurements(),
                        Durations.format(ms(Math.ceil(c.opEstimateMs()))), Progress.format(ms(c.estimateMs())));
                total += c.estimateMs();
            }
            if (minimal != null && minimal.checks(c)) {
                double estimate = minimal.estimateMs(c.size(), c.model());
                out.printf("%-60s %s%n", "minimal " + c.model().name() + " " + c.size().label(),
                        estimate == 0 ? "skipped" : Progress.format(ms(estimate)));
                total += estimate;
            }
        }
        out.println("about " + Progress.format(ms(total)) + " in all, plus starting the testbed");
    }

    static Duration ms(double ms) {
        return Duration.ofMillis((long) ms);
    }
}
