package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.CodeExcerpt.Member;
import dev.asyncbench.bench.report.RunView.ScenarioView;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The code a report shows beside each scenario: for every model, the scenario's methods and
 * the members of its file they use ({@link CodeExcerpt}), each shown once per report. A
 * method an earlier scenario or model already showed is named, with where it is, instead of
 * shown again (fail-fast runs gather's method; threads-per-task runs threads' files); a file's
 * header comment comes with its first excerpt. Every excerpt names its whole file, linked when
 * the report sits in a checkout of the repository.
 *
 * <p>One instance renders one report, in the report's order: which code was shown is its state.
 */
final class CodeListing {

    /**
     * What one model's column shows for a scenario.
     *
     * @param model  the model
     * @param source its file, or empty when the bench jar does not carry it
     * @param header the file's header comment when this is the file's first excerpt in the report, else empty
     * @param code   the excerpt to show, without the header; empty when everything in it was shown before
     * @param remark what to say besides (the code it shares and where it is; that there is no file); may be empty
     * @param where  the scenario whose section shows what the remark refers to, or empty
     * @param link   the whole file, relative to the report's folder, when that can be known
     * @param facts  the file's Threads / Blocking / Cancellation / Errors when its header is shown here first, else empty
     */
    record Column(String model, Optional<SourceFiles.Source> source, String header, String code, String remark, String where,
                  Optional<String> link, Map<String, String> facts) {
    }

    private final SourceFiles sources;
    private final Function<String, Optional<String>> links;
    private final boolean compact;
    private final Map<String, CodeExcerpt> parsed = new HashMap<>();
    /** Where a report showed something first. */
    private record Place(String scenario, String model) {
    }

    /** File and member ("path#name"), or file ("path") for its header, to where it was shown first. */
    private final Map<String, Place> shown = new HashMap<>();

    /**
     * Reads files with {@code sources}; {@code links} turns a path in the repository into a link
     * from the report, when it can. An excerpt holds the members its methods use, in the type
     * they belong to; {@code compact}, it names them and shows the methods alone (the shorter
     * listing of report.md).
     */
    CodeListing(SourceFiles sources, Function<String, Optional<String>> links, boolean compact) {
        this.sources = sources;
        this.links = links;
        this.compact = compact;
    }

    /** The scenario's columns, one per model, and records what they show. */
    List<Column> columns(ScenarioView s) {
        List<Column> out = new ArrayList<>();
        List<String> methods = s.known == null ? List.of() : ScenarioTerms.methods(s.known);
        for (String model : s.models) {
            Optional<SourceFiles.Source> found = sources.of(model, s.id);
            if (found.isEmpty()) {
                out.add(new Column(model, found, "", "", "No source for " + model + " in this build (the bench jar carries sources/<model>/).",
                        "", Optional.empty(), Map.of()));
                continue;
            }
            SourceFiles.Source src = found.get();
            String path = src.repoPath();
            CodeExcerpt excerpt = parsed.computeIfAbsent(path, p -> CodeExcerpt.parse(src.text(), src.file().replaceFirst("\\.\\w+$", ""),
                    src.language()));
            // Python spells the methods in snake_case: httpFanOut is http_fan_out
            List<String> names = src.language().equals("python") ? methods.stream().map(SourceFiles::snake).toList() : methods;
            List<Member> chosen = excerpt.chosen(names);
            if (chosen.isEmpty()) chosen = excerpt.members().stream().filter(m -> m.kind() != CodeExcerpt.Kind.CONSTRUCTOR).toList();
            List<Member> helpers = chosen.stream().filter(m -> !names.isEmpty() && !names.contains(m.name())).toList();
            List<Member> fresh = new ArrayList<>(), before = new ArrayList<>();
            for (Member m : compact ? chosen.stream().filter(m -> !helpers.contains(m)).toList() : chosen) {
                (shown.containsKey(path + "#" + m.name()) ? before : fresh).add(m);
            }
            boolean header = !shown.containsKey(path);
            Place first = before.isEmpty() ? null : shown.get(path + "#" + before.getFirst().name());
            boolean here = first != null && first.scenario().equals(s.id);
            String remark = src.note();
            String code = "";
            if (fresh.isEmpty()) {
                // a model that shares another's file says so itself (threads-per-task: "the same file as threads: ...")
                remark = !remark.isEmpty() && !first.model().equals(model) ? Readings.capital(remark) + (here ? "." : "; its code is under " + first.scenario() + ".")
                        : first.model().equals(model) ? "Runs the code shown under " + first.scenario() + "."
                        : "The same code as " + first.model() + (here ? "." : ", shown under " + first.scenario() + ".");
            } else {
                String top = before.isEmpty() ? "" : names(before) + ": as " + (here ? first.model() + " above" : "under " + first.scenario());
                code = compact ? excerpt.renderMembers(fresh, top, helpers.isEmpty() ? "" : "uses " + names(helpers) + " (in the whole file)")
                        : excerpt.render(fresh, top, "");
            }
            Map<String, String> facts = header ? SourceFiles.facts(src.text()) : Map.of();
            for (Member m : chosen) shown.putIfAbsent(path + "#" + m.name(), new Place(s.id, model));
            shown.putIfAbsent(path, new Place(s.id, model));
            out.add(new Column(model, found, header && !code.isEmpty() ? excerpt.header() : "", code, remark,
                    first == null || here ? "" : first.scenario(), links.apply(path), facts));
        }
        return out;
    }

    /** "run(...) and end(...)", "Fetched". */
    private static String names(List<Member> members) {
        return Text.and(members.stream().map(m -> m.kind() == CodeExcerpt.Kind.METHOD ? m.name() + "(...)" : m.name()).toList());
    }

    /** The scenario whose section first showed the header of the file in {@code column}, or empty. */
    String headerShownUnder(Column column) {
        return column.source().map(src -> shown.get(src.repoPath())).map(Place::scenario).orElse("");
    }

    /**
     * Links from a report in {@code dir} to the files of the repository it sits in, found by
     * going up from {@code dir} to a folder with the repository's SPEC.md and pom.xml; no link
     * for a file that is not there, and none at all outside a checkout.
     */
    static Function<String, Optional<String>> linksFrom(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        while (root != null && !(Files.isRegularFile(root.resolve("SPEC.md")) && Files.isRegularFile(root.resolve("pom.xml")))) root = root.getParent();
        if (root == null) return path -> Optional.empty();
        Path repo = root;
        Path from = dir.toAbsolutePath().normalize();
        return path -> Files.isRegularFile(repo.resolve(path))
                ? Optional.of(from.relativize(repo.resolve(path)).toString().replace(File.separatorChar, '/')) : Optional.empty();
    }
}
