package dev.asyncbench.bench;


import dev.asyncbench.bench.results.OutputFailure;
import dev.asyncbench.bench.run.BadInput;
import dev.asyncbench.bench.run.RunFolder;
import dev.asyncbench.bench.run.RunProblem;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static dev.asyncbench.bench.fork.ForkReport.oneLine;

/**
 * {@code ./suite}: the command line of the bench, and {@code benchmarks.jar}'s main class.
 *
 * <p>Our subcommands are {@code run}, {@code report}, {@code compare}, {@code demo}, {@code testbed} and
 * {@code list}; {@code jmh} hands the rest of the line to JMH's own runner, so the jar also works
 * as a standard JMH {@code benchmarks.jar} ({@code java -jar benchmarks.jar jmh GatherBenchmark -f 1}).
 *
 * <p>Every bad input ends the same way: one line on stderr naming what is wrong and what is
 * accepted, exit code 2, no stack trace. That includes a mistyped subcommand and an option given
 * to the wrong command (with a suggestion when one is close).
 */
@Command(name = "suite", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class, scope = CommandLine.ScopeType.INHERIT,
        subcommands = {RunCommand.class, ReportCommand.class, CompareCommand.class, DemoCommand.class, ListCommand.class,
                TestbedCommand.class, JmhCommand.class, CommandLine.HelpCommand.class},
        description = {"Five JVM concurrency models on identical, real IO-bound work: conformant first, then measured.",
                "'jmh ARGS' passes ARGS to JMH's own runner (the jar is also a standard JMH benchmarks.jar)."})
public final class Cli implements Runnable {

    /** Exit code of every bad input. */
    public static final int BAD_INPUT = 2;

    final PrintStream out;
    final PrintStream err;
    /** The arguments as given (after {@code ./suite}). */
    final List<String> args;

    private Cli(PrintStream out, PrintStream err, List<String> args) {
        this.out = out;
        this.err = err;
        this.args = List.copyOf(args);
    }

    public static void main(String[] args) {
        RunFolder.claim();
        int code = execute(System.out, System.err, args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; returns its exit code. Never exits the JVM (tests call this; {@code jmh} aside). */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    /** The parser and handlers of {@link #execute}, for the command line {@code args}. */
    static CommandLine commandLine(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Cli(out, err, List.of(args)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        // jmh: everything after it is JMH's, its -h included
        CommandLine jmh = cl.getSubcommands().get("jmh");
        CommandSpec jmhSpec = jmh.getCommandSpec();
        for (String name : List.of("-h", "-V")) {
            OptionSpec option = jmhSpec.findOption(name);
            if (option != null) jmhSpec.remove(option);
        }
        jmh.setStopAtUnmatched(true);
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("error: " + describe(ex) + " (see '" + command + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInput) {
                err.println("error: " + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            if (ex instanceof RunProblem || ex instanceof OutputFailure) {
                err.println("error: " + oneLine(ex.getMessage()));
                return 1;
            }
            err.println("error: " + oneLine(String.valueOf(ex)) + (debug() ? "" : " (set ASYNCBENCH_DEBUG=1 for the stack trace)"));
            if (debug()) ex.printStackTrace(err);
            return 1;
        });
        return cl;
    }

    /**
     * A parse error in one line: picocli's message, but for a word that is no command, or an option
     * given to {@code suite} itself, what was probably meant.
     */
    static String describe(CommandLine.ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return oneLine(ex.getMessage());
        String first = u.getUnmatched().getFirst();
        CommandLine where = u.getCommandLine();
        List<String> suggestions = u.getSuggestions();
        if (where.getParent() != null) {
            // an unknown option or surplus argument of a subcommand: picocli's words, and the closest option if any
            return oneLine(ex.getMessage()) + (first.startsWith("-") && !suggestions.isEmpty()
                    ? "; did you mean '" + suggestions.getFirst() + "'?" : "");
        }
        if (!first.startsWith("-")) {
            if (first.endsWith("Benchmark") || first.contains("Benchmark.")) {
                return "unknown command '" + first + "'; JMH's benchmarks run through 'suite jmh': did you mean 'suite jmh " + first + "'?";
            }
            return "unknown command '" + first + "'; " + (suggestions.isEmpty()
                    ? "the commands are " + String.join(", ", where.getSubcommands().keySet())
                    : "did you mean 'suite " + suggestions.getFirst() + "'?");
        }
        String name = first.split("=", 2)[0];
        List<String> owners = where.getSubcommands().values().stream().distinct()
                .filter(sub -> sub.getCommandSpec().findOption(name) != null && !sub.getCommandName().equals("help"))
                .map(CommandLine::getCommandName).toList();
        if (!owners.isEmpty()) {
            return "unknown option '" + name + "' for suite itself: it is an option of a command; did you mean 'suite "
                    + owners.getFirst() + " " + name + " ...'?";
        }
        return "unknown option '" + name + "'; JMH's own options go through 'suite jmh': 'suite jmh " + name + " ...'";
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

    /**
     * This command line as typed, {@code ./suite ...}, each argument quoted for a POSIX shell so
     * that it can be pasted back; a --db-password's value is left out ({@code ***}).
     */
    String typed() {
        return typed(args);
    }

    static String typed(List<String> args) {
        StringBuilder line = new StringBuilder("./suite");
        boolean password = false;
        for (String arg : args) {
            String shown = password ? "***" : arg.startsWith("--db-password=") ? "--db-password=***" : arg;
            password = arg.equals("--db-password");
            line.append(' ').append(shellQuoted(shown));
        }
        return line.toString();
    }

    /** {@code value} as one word of a POSIX shell: as it is when that is safe, else in single quotes. */
    static String shellQuoted(String value) {
        if (value.matches("[A-Za-z0-9_@%+=:,./-]+")) return value;
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static boolean debug() {
        String v = System.getenv("ASYNCBENCH_DEBUG");
        return v != null && !v.isEmpty() && !v.equals("0");
    }
}
