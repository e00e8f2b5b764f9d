package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * The training run behind a run's class archive (the runner's {@code ClassArchive}): runs each
 * scenario of {@link Property#TRAINING} once for every model of {@link Property#MODEL}, in this
 * JVM (JMH without forks), so that this JVM, started with {@code -XX:ArchiveClassesAtExit},
 * archives at exit the classes that every model's forks load. Each benchmark's setup still
 * checks its answer; nothing is measured or kept.
 */
public final class ForkTraining {

    private ForkTraining() {
    }

    public static void main(String[] args) throws RunnerException {
        String[] models = Property.MODEL.required("the models to train, comma-separated").split(",");
        for (String item : Property.TRAINING.required("the scenarios to train, scenario-id:size;...").split(";")) {
            int colon = item.indexOf(':');
            Benchmarks.Binding b = Benchmarks.of(BenchScenario.byId(item.substring(0, colon)));
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(b.include())
                    .param("model", models)
                    .mode(Mode.SingleShotTime)
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .forks(0)
                    .addProfiler(ForkProbe.class)
                    .shouldFailOnError(false);
            b.params(Size.parse(item.substring(colon + 1))).forEach(options::param);
            new Runner(options.build()).run();
        }
        // the archive is written as the JVM exits; models may leave non-daemon threads behind
        System.exit(0);
    }
}
