package dev.asyncbench.bench.results;

/** Lets tests in other packages use the sample environment. */
public final class ResultsFilesTestAccess {
    private ResultsFilesTestAccess() {
    }

    public static Environment environment() {
        return ResultsFilesTest.ENV;
    }
}
