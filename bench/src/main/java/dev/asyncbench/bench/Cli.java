package dev.asyncbench.bench;

import dev.asyncbench.bench.fork.ForkReport;

import dev.asyncbench.bench.run.BadInput;

import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ./suite}: the command line of the bench, and {@code benchmarks.jar}'s main class.
 *
 * <p>Our subcommands are {@code run}, {@code report}, {@code compare}, {@code demo} and
 * {@code list}. Anything else is handed to JMH's own runner, so the jar also works as a
 * standard JMH {@code benchmarks.jar} ({@code java -jar benchmarks.jar GatherBenchmark -f 1}).
 *
 * <p>Every bad input ends the same way: one line on stderr naming what is wrong and what is
 * accepted, exit code 2, no stack trace.
 */
@Command(name = "suite", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class, scope = CommandLine.ScopeType.INHERIT,
        subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, DemoCommand.class, ListCommand.class,
                CommandLine.HelpCommand.class},
        description = {"Five JVM concurrency models on identical, real IO-bound work: conformant first, then measured.",
                "Any other first argument is passed to JMH's runner (the jar is a standard JMH benchmarks.jar)."})
public final class Cli implements Runnable {

    /** Exit code of every bad input. */
    public static final int BAD_INPUT = 2;

    private static final Set<String> OURS = Set.of("run", "report", "compare", "demo", "list", "help",
            "-h", "--help", "-V", "--version");

    final PrintStream out;
    final PrintStream err;

    private Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !OURS.contains(args[0])) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        int code = execute(System.out, System.err, args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; returns its exit code. Never exits the JVM (tests call this). */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Cli(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("error: " + oneLine(ex.getMessage()) + " (see '" + command + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInput) {
                err.println("error: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            err.println("error: " + oneLine(String.valueOf(ex)) + (debug() ? "" : " (set ASYNCBENCH_DEBUG=1 for the stack trace)"));
            if (debug()) ex.printStackTrace(err);
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        // no subcommand: show what there is
        new CommandLine(this).usage(out);
    }

    /** Fresh instances of the named models (all when none is named); a {@link BadInput} for an unknown one. */
    static List<TaskScenario> models(List<String> names) {
        List<TaskScenario> chosen = new ArrayList<>();
        try {
            if (names.isEmpty()) {
                chosen.addAll(Models.all());
                if (chosen.isEmpty()) {
                    throw new BadInput("no model found on the class path" + unavailableSuffix());
                }
            } else {
                for (String name : names) chosen.add(Models.byName(name.trim()));
            }
            return chosen;
        } catch (IllegalArgumentException e) {
            chosen.forEach(TaskScenario::close);
            throw new BadInput(e.getMessage(), e);
        } catch (RuntimeException e) {
            chosen.forEach(TaskScenario::close);
            throw e;
        }
    }

    private static String unavailableSuffix() {
        List<String> problems = Models.unavailable();
        return problems.isEmpty() ? "" : " (not loadable here: " + String.join("; ", problems) + ")";
    }

    static String oneLine(String message) {
        return ForkReport.oneLine(message);
    }

    private static boolean debug() {
        String v = System.getenv("ASYNCBENCH_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0");
    }
}
