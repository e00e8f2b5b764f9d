package dev.asyncbench.bench;

import dev.asyncbench.bench.run.RunFolder;
import dev.asyncbench.bench.run.RunLock;
import org.openjdk.jmh.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./suite jmh ARGS}: JMH's own command line ({@link Main}), every argument
 * after {@code jmh} passed through unread, so the jar still works as a standard JMH
 * {@code benchmarks.jar}: {@code ./suite jmh -l}, {@code ./suite jmh GatherBenchmark -p model=rx -f 1}.
 * JMH prints its own output and errors, and exits with its own codes.
 */
@Command(name = "jmh", description = {
        "JMH's own command line: every argument after 'jmh' goes to JMH's runner unread (./suite jmh -h for JMH's options).",
        "Examples: jmh -l | jmh GatherBenchmark -p model=rx -f 1 (the IO benchmarks need the testbed: 'run' starts it for you)."})
final class JmhCommand implements Callable<Integer> {

    /** Everything after {@code jmh}, in order ({@link Cli#commandLine} makes the parser keep it all). */
    @Unmatched
    List<String> arguments = new ArrayList<>();

    /**
     * Under {@code ./suite} this JVM's temporary folder is its run folder, where JMH would take
     * its lock, unseen by other runs: it takes the machine's locks instead ({@link RunLock}, as
     * {@code run} does), so that it is refused beside a measuring run and refuses one beside it.
     */
    @Override
    public Integer call() throws Exception {
        try (RunLock lock = RunFolder.underScript() ? RunLock.acquire(RunFolder.systemTmp()) : null) {
            Main.main(arguments.toArray(String[]::new));
        }
        return 0;
    }
}
