package dev.asyncbench.bench;

import dev.asyncbench.bench.run.AsyncioRow;
import dev.asyncbench.bench.run.BadInput;
import dev.asyncbench.bench.run.Durations;
import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.spec.GatherSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The post's two examples, in every model: {@code hello} (Hello, wait 1 s, world) and
 * {@code gather} (tasks A 1 s, B 2 s, C 3 s started at once), printing the same lines as the
 * post and how long each took: about 3 s when the model runs them concurrently, 6 s when not.
 * The asyncio row runs them in its own process ({@code asyncbench_asyncio.demo}), last.
 */
@Command(name = "demo", description = {
        "Runs the post's two examples in each model: hello (Hello, wait, world) and gather (A 1 s, B 2 s, C 3 s),",
        "printing the post's lines and the time each model took (about 3 s concurrent, 6 s sequential)."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Option(names = {"--models", "--model"}, split = ",", paramLabel = "MODEL",
            description = "Models to run, comma-separated (default: all). See 'list'.")
    List<String> models = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "DURATION", converter = Durations.class,
            description = "The post's second, scaled: hello waits 1 unit, gather's tasks 1, 2 and 3 units (default: ${DEFAULT-VALUE}).")
    Duration unit = Duration.ofSeconds(1);

    @Override
    public Integer call() {
        if (unit.isZero() || unit.isNegative() || unit.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new BadInput("--unit must be between 1 ms and 1 min, was " + Durations.format(unit));
        }
        PrintStream out = cli.out;
        boolean asyncio = models.isEmpty() ? AsyncioRow.present() : models.stream().anyMatch(m -> m.trim().equals(AsyncioRow.NAME));
        List<String> jvm = models.stream().filter(m -> !m.trim().equals(AsyncioRow.NAME)).toList();
        List<TaskScenario> chosen = models.isEmpty() || !jvm.isEmpty() ? Cli.models(jvm) : List.of();
        Map<String, Duration> gatherTimes = new LinkedHashMap<>();
        try {
            for (TaskScenario model : chosen) {
                out.println("== " + model.name() + ": " + model.describe());
                out.flush();
                EventLog helloLog = EventLog.printingTo(out);
                long start = System.nanoTime();
                model.hello(unit, helloLog);
                out.println("hello took " + Durations.format(Duration.ofNanos(System.nanoTime() - start)));
                out.flush();

                EventLog gatherLog = EventLog.printingTo(out);
                start = System.nanoTime();
                List<String> result = model.gather(GatherSpec.postExample(unit), gatherLog);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                gatherTimes.put(model.name(), took);
                out.println("gather took " + Durations.format(took) + ", returned " + result);
                out.println();
                out.flush();
            }
        } finally {
            chosen.forEach(TaskScenario::close);
        }
        if (asyncio) {
            Duration took = AsyncioRow.demo(unit, out);
            if (took != null) gatherTimes.put(AsyncioRow.NAME, took);
            out.flush();
        }
        if (gatherTimes.size() > 1) {
            out.println("gather (longest task " + Durations.format(unit.multipliedBy(3)) + ", sum "
                    + Durations.format(unit.multipliedBy(6)) + "):");
            gatherTimes.forEach((name, took) -> out.printf("  %-18s %s%n", name, Durations.format(took)));
        }
        for (String problem : Models.unavailable()) out.println("not loadable here: " + problem);
        out.flush();
        return 0;
    }
}
