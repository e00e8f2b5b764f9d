package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Both ends of the fork protocol: what {@link ForkReport} writes, {@link ForkOutcome} reads back, typed. */
class ForkProtocolTest {

    @AfterEach
    void noReportFile() {
        System.clearProperty(Property.REPORT.key);
    }

    private static ForkOutcome roundTrip(Path dir, Runnable fork) throws Exception {
        Path file = dir.resolve("fork.report");
        System.setProperty(Property.REPORT.key, file.toString());
        fork.run();
        return ForkOutcome.read(file);
    }

    @Test
    void aWrongAnswerComesBackAsIncorrectWithExpectedAndActual(@TempDir Path dir) throws Exception {
        ForkOutcome o = roundTrip(dir, () -> ForkReport.failure(new RuntimeException("setup", new IncorrectResult("rx", "[b, a]", "[a, b]"))));
        ForkOutcome.Incorrect wrong = assertInstanceOf(ForkOutcome.Incorrect.class, o.problem());
        assertEquals("[a, b]", wrong.expected());
        assertEquals("[b, a]", wrong.actual());
    }

    @Test
    void aFailureComesBackAsFailedWithItsReasonOnOneLine(@TempDir Path dir) throws Exception {
        ForkOutcome o = roundTrip(dir, () -> ForkReport.failure(new OutOfMemoryError("unable to create native thread:\n possibly")));
        ForkOutcome.Failed failed = assertInstanceOf(ForkOutcome.Failed.class, o.problem());
        assertEquals("OutOfMemoryError: unable to create native thread:; possibly", failed.reason());
    }

    @Test
    void theFirstProblemCountsAndNotesAndValuesComeBackInOrder(@TempDir Path dir) throws Exception {
        ForkOutcome o = roundTrip(dir, () -> {
            ForkReport.note("a caveat\twith a tab");
            ForkReport.value(Measure.TIME, 12.5);
            ForkReport.value(Measure.TIME, 13.5);
            ForkReport.value(Measure.RSS_PEAK, 99);
            ForkReport.failure(new IllegalStateException("first"));
            ForkReport.failure(new IllegalStateException("second"));
        });
        assertEquals("first", o.problem().describe());
        assertEquals(List.of("a caveat with a tab"), o.notes());
        assertEquals(List.of(12.5, 13.5), o.values().get(Measure.TIME));
        assertEquals(99, o.value(Measure.RSS_PEAK), 1e-9);
        assertEquals(Double.NaN, o.value(Measure.HEAP_PER_TASK));
    }

    @Test
    void aJvmThatWroteNothingHasNoProblemAndLinesOfNoKnownKindAreIgnored(@TempDir Path dir) throws Exception {
        assertNull(ForkOutcome.read(dir.resolve("absent")).problem());
        Path file = Files.writeString(dir.resolve("other"), "failure: the old form\nsomething else\n");
        ForkOutcome o = ForkOutcome.read(file);
        assertNull(o.problem());
        assertEquals(List.of(), o.notes());
    }

    @Test
    void propertiesWriteAndReadTheSameKey() {
        assertEquals("-Dasyncbench.size=N=10 L=20ms", Property.SIZE.arg("N=10 L=20ms"));
        System.setProperty(Property.WARMUPS.key, "3");
        try {
            assertEquals(3, Property.WARMUPS.number(0));
        } finally {
            System.clearProperty(Property.WARMUPS.key);
        }
        assertEquals(7, Property.WARMUPS.number(7));
        assertEquals(List.of("a=x.A", "b=y.B"), List.of(ForkProtocol.pairs(ForkProtocol.pairs("a=x.A,b=y.B")).split(",")));
    }
}
