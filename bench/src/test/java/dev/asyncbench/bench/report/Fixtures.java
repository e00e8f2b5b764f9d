package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.asyncbench.bench.results.ResultRow.Status.FAILED;
import static dev.asyncbench.bench.results.ResultRow.Status.OK;
import static dev.asyncbench.bench.results.ResultRow.Status.SKIPPED;

/** Result sets for the report's tests: a real quick run and a real full one (copied from runs), and a made-up full one. */
final class Fixtures {
    private Fixtures() {
    }

    static final List<String> MODELS = List.of("sequential", "threads", "threads-per-task", "futures", "rx", "virtual-threads", "coroutines");

    /** A real quick-preset run: results.csv and environment.json as the runner wrote them (db and files failed there). */
    static ResultSet quickRun(Path dir) {
        copy("quick-run/", dir);
        return ResultSet.load(dir);
    }

    /** A real quick-preset run of futures and the asyncio row over every scenario ({@code ./suite run --preset quick --models futures,asyncio --no-minimal}). */
    static ResultSet asyncioRun(Path dir) {
        copy("asyncio-run/", dir);
        return ResultSet.load(dir);
    }

    /**
     * A real full-preset run, the one docs/sample-full showed at 2c7aa89 (before cold times, CPU
     * per request and quiescence): its results.csv and environment.json, copied into {@code dir}.
     */
    static ResultSet fullSample(Path dir) {
        copy("full-run/", dir);
        return ResultSet.load(dir);
    }

    private static void copy(String folder, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String f : List.of(ResultSet.CSV, ResultSet.ENVIRONMENT)) {
                try (InputStream in = Fixtures.class.getResourceAsStream(folder + f)) {
                    Files.copy(in, dir.resolve(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Environment environment(Map<String, String> models, Map<String, String> notes) {
        return new Environment("full", "2026-01-31T12:00:00Z", 2950, "Eclipse Adoptium OpenJDK 64-Bit Server VM 25.0.3+9-LTS",
                List.of("--enable-preview", "-Xms4g", "-Xmx4g", "-XX:+UseG1GC"), "G1", "-Xms4g -Xmx4g", "JMH 1.37; single-shot", 2,
                25_000_000_000L, "Linux 6.1 amd64", "PostgreSQL 15 (local, fsync off)",
                "Netty testbed server in its own JVM; capacity 48,000 requests/s measured", "JDK HttpClient, HTTP/1.1", models, List.of(),
                "0123456789abcdef0123456789abcdef01234567", notes);
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sequential", "one thing at a time on the caller's thread");
        m.put("threads", "platform threads: fixed pool of 256");
        m.put("threads-per-task", "platform threads: a new one per task, at most 10000 alive");
        m.put("futures", "CompletableFuture: timers, continuations on 2 platform threads");
        m.put("rx", "RxJava 3: timers on computation()");
        m.put("virtual-threads", "virtual threads: one per task");
        m.put("coroutines", "Kotlin coroutines: delay on Dispatchers.Default");
        return m;
    }

    static ResultRow ok(String scenario, String model, Size size, double ms, double err, double ideal, Metrics.Builder extra) {
        return new ResultRow(scenario, model, ResultRow.SUITE, size, OK, "", extra.samples(8).time(ms, err).idealMs(ideal).build());
    }

    /**
     * A made-up full run, shaped like the real thing: gather-mass up to a million tasks (threads
     * capped by its pool of 256, threads-per-task failing to create threads at a million,
     * sequential skipped; virtual-threads' first operation at a million ten times its steady
     * state), the post's gather at one size (a bar chart; no cold time, as in rows written
     * before it), an HTTP fan-out (its models' CPU per request apart), and the no-harness-tax rows.
     */
    static ResultSet fullRun() {
        List<ResultRow> rows = new ArrayList<>();
        for (long n : new long[] {10, 10_000, 100_000, 1_000_000}) {
            Size size = Size.of("N", n, "L", 1000);
            for (String model : MODELS) {
                double ms = switch (model) {
                    case "sequential" -> n * 1000.0;
                    case "threads" -> Math.ceil(n / 256.0) * 1000 * 1.01;
                    case "threads-per-task" -> 1000 + n * 0.25;
                    case "futures" -> 1000 + n * 0.0009;
                    case "rx" -> 1000 + n * 0.0012;
                    case "virtual-threads" -> 1000 + n * 0.00004;
                    default -> 1000 + n * 0.00006;
                };
                if (model.equals("sequential") && n > 10) {
                    rows.add(new ResultRow("gather-mass", model, ResultRow.SUITE, size, SKIPPED,
                            "skipped: one operation is expected to take about " + n * 1000 / 1000 + " s here, over this run's budget of 15 s per operation (--budget)",
                            Metrics.builder().idealMs(1000).build()));
                } else if (model.equals("threads-per-task") && n == 1_000_000) {
                    rows.add(new ResultRow("gather-mass", model, ResultRow.SUITE, size, FAILED,
                            "failed at " + size.label() + ": OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached",
                            Metrics.builder().idealMs(1000).build()));
                } else {
                    boolean perTask = n >= 10_000 && !model.equals("threads") && !model.equals("sequential");
                    double heap = switch (model) { case "virtual-threads" -> 1100; case "threads-per-task" -> 1900; case "coroutines" -> 390; default -> 200; };
                    double rss = model.equals("threads-per-task") ? 20_000 : heap * 1.6;
                    // the first operation in a fresh JVM: a little slower, but virtual-threads' at a million ten times
                    double cold = model.equals("virtual-threads") && n == 1_000_000 ? 10_500 : ms * 1.1 + 40;
                    rows.add(ok("gather-mass", model, size, ms, ms * 0.02, 1000, Metrics.builder().coldMs(cold)
                            .cpuMsPerOp(50 + n * 0.002).allocBytesPerOp(300 + n * 180).rssPeakMb(100 + (perTask ? rss * n / 1e6 : 20))
                            .rssPerTaskBytes(perTask ? rss : Double.NaN).heapPerTaskBytes(perTask ? heap : Double.NaN)
                            .threadsPeak(model.equals("threads") ? 270 : model.equals("threads-per-task") ? Math.min(n, 10_000) + 14 : 15)));
                }
            }
        }
        for (long n : new long[] {10_000, 100_000, 1_000_000}) {
            Size size = Size.of("N", n, "L", 1000);
            for (String model : MODELS) {
                if (model.equals("sequential")) {
                    rows.add(new ResultRow("gather-mass", model, ResultRow.MINIMAL, size, SKIPPED, "skipped: over the budget", Metrics.NONE));
                    continue;
                }
                ResultRow suite = rows.stream().filter(r -> r.model().equals(model) && r.size().equals(size) && r.harness().equals(ResultRow.SUITE)).findFirst().orElseThrow();
                double factor = model.equals("rx") ? 0.8 : 0.97; // rx's suite is 25% slower than its minimal program
                Metrics m = suite.ok() ? suite.metrics().toBuilder().time(suite.metrics().timeMs() * factor, suite.metrics().timeMs() * 0.01)
                        .rssPeakMb(suite.metrics().rssPeakMb() * 0.95).coldMs(suite.metrics().coldMs() * 0.97).build() : Metrics.NONE;
                rows.add(new ResultRow("gather-mass", model, ResultRow.MINIMAL, size, suite.status(), suite.note(), m));
            }
        }
        Size post = Size.of("N", 3, "U", 1000);
        for (String model : MODELS) {
            double ms = model.equals("sequential") ? 6012 : 3004 + MODELS.indexOf(model) * 3;
            rows.add(ok("gather", model, post, ms, 2.5, 3000, Metrics.builder().latency(2000, 3000, 3001).cpuMsPerOp(3).allocBytesPerOp(200_000)
                    .rssPeakMb(110).threadsPeak(14)));
        }
        for (long k : new long[] {20, 1000, 10_000}) {
            Size size = Size.of("K", k, "L", 20, "B", 1024, "C", 100);
            double ideal = BenchScenario.HTTP_FAN_OUT.idealMs(size);
            for (String model : MODELS) {
                if (model.equals("virtual-threads")) continue; // no row at all: the report must say so
                double ms = model.equals("sequential") ? k * 21.0 : model.equals("threads-per-task") ? ideal * 1.3 : ideal * 1.08;
                if (model.equals("sequential") && k > 20) {
                    rows.add(new ResultRow("http-fan-out", model, ResultRow.SUITE, size, SKIPPED, "skipped: over the budget", Metrics.builder().idealMs(ideal).build()));
                    continue;
                }
                // client CPU per request: 300 us for sequential, 50 us more for each model after it
                rows.add(ok("http-fan-out", model, size, ms, ms * 0.03, ideal, Metrics.builder().latency(ms / 2, ms * 0.98, ms).coldMs(ms * 2.5 + 150)
                        .cpuMsPerOp(k * (0.3 + 0.05 * MODELS.indexOf(model))).allocBytesPerOp(k * 25_000).rssPeakMb(150).threadsPeak(30).serverPeakInFlight(Math.min(k, 100))));
            }
        }
        return new ResultSet(environment(describe(), Map.of("budget", "15 s per operation")), rows);
    }
}
