package dev.asyncbench.bench;

import dev.asyncbench.bench.report.ReportWriter;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.run.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Renders the report of a saved run again, from its results.csv and environment.json. */
@Command(name = "report", description = "Renders the report of a saved run again, from its results.csv and environment.json.")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder written by 'run', e.g. results/2026-01-31T12-00-00")
    Path dir;

    @Override
    public Integer call() throws IOException {
        ResultSet results = load(dir);
        Path report = ReportWriter.standard().write(results, dir);
        cli.out.println("Report: " + report);
        return 0;
    }

    /** {@link ResultSet#load}, its one-line complaint turned into a bad input. */
    static ResultSet load(Path dir) {
        try {
            return ResultSet.load(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
    }
}
