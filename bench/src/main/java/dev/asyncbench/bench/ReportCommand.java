package dev.asyncbench.bench;

import dev.asyncbench.bench.report.ReportWriter;
import dev.asyncbench.bench.results.OutputFailure;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.run.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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
    public Integer call() {
        ResultSet results = load(dir);
        Path report;
        try {
            report = ReportWriter.standard().write(results, dir);
        } catch (OutputFailure e) {
            // a full disk or a read-only folder: the old report is still there, whole
            cli.err.println("error: " + e.getMessage());
            return 1;
        }
        cli.out.println("Report: " + report);
        return 0;
    }

    /** {@link ResultSet#load}, its one-line complaint (a missing, binary or malformed file) turned into a bad input. */
    static ResultSet load(Path dir) {
        try {
            return ResultSet.load(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
    }
}
