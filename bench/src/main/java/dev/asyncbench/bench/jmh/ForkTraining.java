package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.run.ClassArchive;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.concurrent.TimeUnit;

/**
 * The training run behind a run's class archive (the runner's {@code ClassArchive}): runs each
 * given benchmark once for every given model, in this JVM (JMH without forks), so that this JVM,
 * started with {@code -XX:ArchiveClassesAtExit}, archives at exit the classes that every model's
 * forks load. Each benchmark's setup still checks its answer; nothing is measured or kept.
 *
 * <p>Arguments: the models, comma-separated; then one argument per benchmark,
 * {@code include;param=value;...} (JMH's include pattern and the size's parameters).
 */
public final class ForkTraining {

    private ForkTraining() {
    }

    public static void main(String[] args) throws RunnerException {
        String[] models = args[0].split(",");
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split(";");
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(parts[0])
                    .param("model", models)
                    .mode(Mode.SingleShotTime)
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .forks(0)
                    .addProfiler(ForkProbe.class)
                    .shouldFailOnError(false);
            for (int p = 1; p < parts.length; p++) {
                int eq = parts[p].indexOf('=');
                options.param(parts[p].substring(0, eq), parts[p].substring(eq + 1));
            }
            new Runner(options.build()).run();
        }
        // the archive is written as the JVM exits; models may leave non-daemon threads behind
        System.exit(0);
    }
}
