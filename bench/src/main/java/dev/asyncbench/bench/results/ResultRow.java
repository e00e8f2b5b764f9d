package dev.asyncbench.bench.results;

import java.util.Locale;
import java.util.Objects;

/**
 * One combination of scenario, model and size, as the bench ran it: a row of
 * {@code results.csv} (columns documented in {@code bench/RESULTS.md}).
 *
 * <p>A model that fails at a size, returns a wrong answer or is skipped is a result too: its row
 * has that {@link Status}, a {@link #note()} saying why, and the metrics it got (often none).
 *
 * @param scenario the bench scenario id, see {@link BenchScenario#id()}: {@code hello}, {@code gather},
 *                 {@code gather-mass}, {@code http-fan-out}, ...
 * @param model    the model's {@code name()}: {@code sequential}, {@code threads}, ...
 * @param harness  {@code suite} (the model through TaskScenario, under JMH) or {@code minimal}
 *                 (a stand-alone program doing the same waits, the no-harness-tax check)
 * @param size     the scenario's inputs
 * @param status   what happened
 * @param note     why it failed or was skipped, or a caveat; empty when there is nothing to say
 * @param metrics  what was measured; {@link Metrics#NONE} when nothing was
 */
public record ResultRow(String scenario, String model, String harness, Size size, Status status, String note,
                        Metrics metrics) {

    public static final String SUITE = "suite";
    public static final String MINIMAL = "minimal";

    public enum Status {
        /** Measured, and the answer matched the sequential reference. */
        OK,
        /** The model threw (for instance "unable to create native thread") or its fork died. */
        FAILED,
        /** The model answered, but not what the sequential reference answers. */
        INCORRECT,
        /** Not run, for the reason in the note (for instance: longer than the preset's budget). */
        SKIPPED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status byId(String id) {
            for (Status s : values()) if (s.id().equals(id)) return s;
            throw new IllegalArgumentException("unknown status '" + id + "'; accepted: ok, failed, incorrect, skipped");
        }
    }

    public ResultRow {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(harness, "harness");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(status, "status");
        note = note == null ? "" : note;
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Identifies the row across result sets (what {@code compare} matches on). */
    public String key() {
        return scenario + " | " + model + " | " + harness + " | " + size.label();
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public ResultRow withStatus(Status newStatus, String newNote) {
        return new ResultRow(scenario, model, harness, size, newStatus, newNote, metrics);
    }
}
