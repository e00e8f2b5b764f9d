package dev.asyncbench.bench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** results.csv and environment.json read back exactly what was written. */
class ResultsFilesTest {

    static final Environment ENV = new Environment("quick", "2026-01-31T12:00:00Z", 283.5, "Eclipse Adoptium OpenJDK 64-Bit Server VM 25+36",
            List.of("--enable-preview", "-Xms4g", "-Xmx4g", "-XX:+UseG1GC"), "G1", "-Xms4g -Xmx4g", "JMH 1.37", 2, 25_000_000_000L,
            "Linux 6.1 amd64", "PostgreSQL 15.18 (local, fsync off)", "Netty \"testbed\" at http://127.0.0.1:8080",
            "JDK HttpClient, HTTP/1.1", Map.of("rx", "RxJava 3: timers on computation(), C from the spec\nsecond line"),
            List.of(), "0123456789abcdef0123456789abcdef01234567", Map.of("budget", "2 s, per operation"),
            "./suite run --scenarios race --sizes 'R=8 W=20ms' --out 'my results'");

    static final List<ResultRow> ROWS = List.of(
            new ResultRow("http-fan-out", "rx", ResultRow.SUITE, Size.parse("K=1000 L=20ms B=4KiB C=100"), ResultRow.Status.OK, "",
                    Metrics.builder().samples(4).time(212.345, 3.25).idealMs(200).latency(20.5, 41.25, 43)
                            .cpuMsPerOp(55.5).allocBytesPerOp(12_345_678).rssPeakMb(310.5).threadsPeak(31)
                            .serverPeakInFlight(100).coldMs(1873.25).quietMs(1890.5).build()),
            new ResultRow("gather-mass", "threads-per-task", ResultRow.SUITE, Size.of("N", 1_000_000, "L", 1000), ResultRow.Status.FAILED,
                    "failed at N=1000000 L=1000ms: OutOfMemoryError: unable to create native thread, \"possibly\" out of memory",
                    Metrics.builder().idealMs(1000).build()),
            new ResultRow("gather-mass", "virtual-threads", ResultRow.MINIMAL, Size.of("N", 10_000, "L", 20), ResultRow.Status.OK,
                    "memory per task is an underestimate:\nstill starting",
                    Metrics.builder().samples(1).time(25.125, Double.NaN).heapPerTaskBytes(1034.5).rssPerTaskBytes(2100).coldMs(61.5).build()),
            new ResultRow("db", "sequential", ResultRow.SUITE, Size.parse("Q=500 L=20ms P=20"), ResultRow.Status.SKIPPED,
                    "skipped: over the budget", Metrics.NONE));

    @Test
    void csvRoundTrip() {
        String csv = ResultsCsv.write(ROWS);
        assertTrue(csv.startsWith(String.join(",", ResultsCsv.COLUMNS) + "\n"), csv);
        assertEquals(ROWS, ResultsCsv.read(csv));
    }

    /** The first operation in a fresh JVM has its own column, beside the steady state's mean, and reads back as written. */
    @Test
    void coldTimeRoundTripsInItsOwnColumn(@TempDir Path dir) throws Exception {
        String csv = ResultsCsv.write(ROWS);
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        int cold = header.indexOf("cold_ms");
        assertTrue(cold > header.indexOf("time_ms"), header.toString());
        List<String> rx = List.of(csv.lines().toList().get(1).split(",", -1));
        assertEquals("1873.25", rx.get(cold));
        assertEquals("212.345", rx.get(header.indexOf("time_ms")), "the steady state's mean stays in time_ms");
        assertEquals("", List.of(csv.lines().toList().get(2).split(",", -1)).getLast(), "a failed row: not measured");
        List<ResultRow> read = ResultsCsv.read(csv);
        assertEquals(1873.25, read.getFirst().metrics().coldMs());
        assertEquals(1890.5, read.getFirst().metrics().quietMs());
        assertEquals(61.5, read.get(2).metrics().coldMs(), "a minimal program's first run");
        assertTrue(Double.isNaN(read.getLast().metrics().coldMs()));
        new ResultSet(ENV, ROWS).save(dir);
        assertEquals(ROWS, ResultSet.load(dir).rows());
        assertEquals(1873.25, ROWS.getFirst().metrics().toBuilder().build().coldMs(), "toBuilder keeps it");
    }

    @Test
    void efficiencyIsIdealOverMeasuredAndEmptyCellsAreNotMeasured() {
        String csv = ResultsCsv.write(ROWS);
        String first = csv.lines().toList().get(1);
        assertTrue(first.contains(",212.345,3.25,200,0.941863,"), first);
        String skipped = csv.lines().toList().getLast();
        assertTrue(skipped.endsWith(",,,,,,,,,,,,,,,,"), skipped);
    }

    @Test
    void numbersKeepSixSignificantDigits() {
        var row = ROWS.getFirst();
        var precise = new ResultRow(row.scenario(), row.model(), row.harness(), row.size(), row.status(), row.note(),
                row.metrics().toBuilder().time(40.71653525, 128.33735388480528).build());
        String csv = ResultsCsv.write(List.of(precise));
        assertTrue(csv.contains(",40.7165,128.337,"), csv);
        assertEquals(csv, ResultsCsv.write(ResultsCsv.read(csv)), "stable once written");
    }

    @Test
    void environmentRoundTrip() {
        assertEquals(ENV, Environment.fromJson(ENV.toJson()));
    }

    @Test
    void environmentWrittenBeforeTheCommandWasRecordedReadsWithoutIt() {
        String json = ENV.toJson();
        assertTrue(json.contains("\"command\": \"./suite run --scenarios race --sizes 'R=8 W=20ms' --out 'my results'\""), json);
        String old = json.replaceAll(",\\s*\"command\": \"[^\"]*\"", "");
        assertTrue(!old.contains("command"), old);
        Environment read = Environment.fromJson(old);
        assertEquals("", read.command());
        assertEquals(ENV.notes(), read.notes());
    }

    @Test
    void anInterruptedRunSaysSoInEnvironmentJson() {
        assertEquals("", ENV.interrupted(), "the constructors without it: a run that completed");
        assertFalse(ENV.wasInterrupted());
        String why = "interrupted by SIGINT (Ctrl-C) after 12 of 40 combinations; 28 not measured";
        Environment stopped = ENV.withInterrupted(why);
        assertTrue(stopped.wasInterrupted());
        assertEquals(why, stopped.interrupted());
        assertEquals(ENV.withDuration(12), stopped.withDuration(12).withInterrupted(""), "nothing else changes");
        assertEquals(why, stopped.withDuration(12).interrupted(), "kept by withDuration");
        assertTrue(stopped.toJson().contains("\"interrupted\": \"" + why + "\""), stopped.toJson());
        assertEquals(stopped, Environment.fromJson(stopped.toJson()));

        String old = ENV.toJson().replaceAll(",\\s*\"interrupted\": \"[^\"]*\"", "");
        assertFalse(old.contains("interrupted"), old);
        assertEquals(ENV, Environment.fromJson(old), "written before it was recorded: a run that completed");
        assertEquals("", ENV.withInterrupted(null).interrupted());
    }

    @Test
    void resultSetSavesAndLoads(@TempDir Path dir) throws Exception {
        ResultSet set = new ResultSet(ENV, ROWS);
        set.save(dir);
        assertEquals(set, ResultSet.load(dir));
        // saved again by a spreadsheet or an editor that adds a byte order mark
        for (String file : List.of(ResultSet.CSV, ResultSet.ENVIRONMENT)) Files.writeString(dir.resolve(file), "\uFEFF" + Files.readString(dir.resolve(file)));
        assertEquals(set, ResultSet.load(dir));
    }

    @Test
    void sizesParseWhatTheyPrint() {
        assertThrows(IllegalArgumentException.class, () -> Size.parse("L=1.5s"), "fractions are not whole numbers");
        Size t = Size.parse("K=1k, L=2s, B=1MiB C=1_000");
        assertEquals("K=1000 L=2000ms B=1MiB C=1000", t.label());
        assertEquals(t, Size.parse(t.label()));
        assertEquals("K", t.axis());
        assertEquals(1000, t.x());
        assertThrows(IllegalArgumentException.class, () -> Size.parse("K=1 K=2"));
        assertEquals(Size.parse("N=3 U=10ms"), BenchScenario.GATHER.check(Size.parse("U=10ms N=3")), "put in the scenario's order");
        assertThrows(IllegalArgumentException.class, () -> BenchScenario.GATHER.check(Size.parse("N=3 L=10ms")));
    }

    /** Results written before a column existed (or by a newer version, with one this one lacks) still read, by header name. */
    @Test
    void csvIsReadByHeaderName() {
        String csv = "model,scenario,harness,size,status,time_ms,time_error_ms,samples,some_future_column\n"
                + "rx,http-fan-out,suite,K=1000 L=20ms B=4KiB C=100,ok,212.345,3.25,4,whatever\n"
                + "threads,gather-mass,suite,N=10 L=1000ms,failed,,,,\n";
        List<ResultRow> rows = ResultsCsv.read(csv);
        assertEquals(2, rows.size());
        ResultRow rx = rows.getFirst();
        assertEquals(List.of("http-fan-out", "rx", ResultRow.SUITE, "K=1000 L=20ms B=4KiB C=100", ResultRow.Status.OK, ""),
                List.of(rx.scenario(), rx.model(), rx.harness(), rx.size().label(), rx.status(), rx.note()));
        assertEquals(212.345, rx.metrics().timeMs());
        assertEquals(3.25, rx.metrics().timeErrorMs());
        assertEquals(4, rx.metrics().samples());
        assertTrue(Double.isNaN(rx.metrics().pinnedEvents()) && Double.isNaN(rx.metrics().idealMs()), "a column the file lacks: not measured");
        assertEquals(ResultRow.Status.FAILED, rows.getLast().status());

        // a whole file without its last column (service_p99_ms, added last) reads the same but for that column
        List<ResultRow> simple = List.of(ROWS.getFirst(), ROWS.getLast()); // notes on one line, no quotes
        List<String> lines = ResultsCsv.write(simple).lines().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        assertFalse(lines.getFirst().contains("service_p99_ms"), lines.getFirst());
        List<ResultRow> old = ResultsCsv.read(String.join("\n", lines) + "\n");
        assertTrue(Double.isNaN(old.getFirst().metrics().serviceP99Ms()), "written before service_p99_ms: not measured");
        assertEquals(simple.stream().map(r -> new ResultRow(r.scenario(), r.model(), r.harness(), r.size(), r.status(), r.note(),
                r.metrics().toBuilder().serviceP99Ms(Double.NaN).build())).toList(), old);

        var e = assertThrows(IllegalArgumentException.class, () -> ResultsCsv.read("scenario,model,size,status\n"));
        assertTrue(e.getMessage().startsWith("unexpected header (line 1): no column 'harness'"), e.getMessage());
    }

    @Test
    void aCorruptFileIsOnePrintableLineNamingTheFile(@TempDir Path dir) throws Exception {
        new ResultSet(ENV, ROWS).save(dir);
        String csv = Files.readString(dir.resolve(ResultSet.CSV));
        Files.writeString(dir.resolve(ResultSet.CSV), csv.replace(",212.345,", ",\u001b[31m" + "9".repeat(5_000) + ","));
        var e = assertThrows(IllegalArgumentException.class, () -> ResultSet.load(dir));
        assertTrue(e.getMessage().startsWith("corrupt " + dir.resolve(ResultSet.CSV) + ": record 2: time_ms is not a number: 'U+001B[31m999"), e.getMessage());
        assertTrue(e.getMessage().length() <= 300 + dir.toString().length() + 40 && e.getMessage().endsWith("…"), "cut short: " + e.getMessage().length());
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());

        Files.writeString(dir.resolve(ResultSet.CSV), csv);
        Files.writeString(dir.resolve(ResultSet.ENVIRONMENT), ENV.toJson().replace("\"cores\": 2", "\"cores\": \"two\""));
        e = assertThrows(IllegalArgumentException.class, () -> ResultSet.load(dir));
        assertEquals("corrupt " + dir.resolve(ResultSet.ENVIRONMENT) + ": field 'cores' is not a number", e.getMessage());
        Files.writeString(dir.resolve(ResultSet.ENVIRONMENT), "[1, 2]");
        e = assertThrows(IllegalArgumentException.class, () -> ResultSet.load(dir));
        assertEquals("corrupt " + dir.resolve(ResultSet.ENVIRONMENT) + ": expected a JSON object", e.getMessage());
        Files.writeString(dir.resolve(ResultSet.ENVIRONMENT), "{\"preset\": \"\\uZZZZ\"}");
        e = assertThrows(IllegalArgumentException.class, () -> ResultSet.load(dir));
        assertEquals(dir.resolve(ResultSet.ENVIRONMENT) + " is not valid JSON: bad \\u escape at offset 14", e.getMessage());
    }

    @Test
    void corruptCsvNamesTheRecord() {
        String csv = String.join(",", ResultsCsv.COLUMNS) + "\nrx,too,few\n";
        var e = assertThrows(IllegalArgumentException.class, () -> ResultsCsv.read(csv));
        assertEquals("record 2 has 3 cells, expected " + ResultsCsv.COLUMNS.size(), e.getMessage());
    }
}
