package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.ScenarioView;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What both renderings of a run take.
 *
 * @param view    the results, arranged for reading
 * @param charts  each scenario's charts
 * @param files   the data files next to the report that it links ({@link RunFacts#DATA_FILES} that exist), by name
 * @param sources the models' scenario files
 * @param links   a path in the repository to a link from the report's folder, when there is one
 */
record ReportInputs(RunView view, Function<ScenarioView, List<Charts.Chart>> charts, List<String> files, SourceFiles sources,
                    Function<String, Optional<String>> links) {

    /** A fresh listing of the models' code, each rendering showing every method once; see {@link CodeListing}. */
    CodeListing listing(boolean compact) {
        return new CodeListing(sources, links, compact);
    }
}
