package dev.asyncbench.bench;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.bench.run.AsyncioRow;
import dev.asyncbench.bench.run.Preset;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Lists the models (with their describe() line) and the scenarios with their sizes per preset. */
@Command(name = "list", description = "Lists the models with their configuration, and the scenarios with their sizes per preset.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Override
    public Integer call() {
        PrintStream out = cli.out;
        out.println("Models:");
        List<TaskScenario> models = Models.all();
        try {
            for (TaskScenario m : models) out.printf("  %-18s %s%n", m.name(), m.describe());
        } finally {
            models.forEach(TaskScenario::close);
        }
        if (AsyncioRow.present()) out.printf("  %-18s %s%n", AsyncioRow.NAME, AsyncioRow.model().describe());
        for (String problem : Models.unavailable()) out.println("  (not loadable here: " + problem + ")");
        out.println();
        out.println("Scenarios (sizes in SPEC.md's letters; --sizes takes the same form):");
        for (BenchScenario s : BenchScenario.values()) {
            out.printf("  %-13s %s%n", s.id(), s.summary());
            for (Preset p : Preset.values()) {
                out.printf("  %13s   %-6s %s%n", "", p.id() + ":",
                        p.sizes(s).stream().map(Size::label).collect(Collectors.joining(" | ")));
            }
        }
        return 0;
    }
}
