package dev.asyncbench.bench.report;

/** What the report can show of a model's code, for checks outside the report. */
public final class ReportSources {

    private ReportSources() {
    }

    /** Whether the report finds the model's scenario files (by the package of the model's class; asyncio's in its module, asyncio-impl). */
    public static boolean hasScenarioFiles(String model) {
        return new SourceFiles().of(model, "hello").isPresent();
    }
}
