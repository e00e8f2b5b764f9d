package dev.asyncbench.bench.minimal;

import dev.asyncbench.bench.fork.ForkOutcome;
import dev.asyncbench.bench.fork.ForkProtocol;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A minimal program in a JVM of its own, as the runner starts it, reports through the fork protocol. */
class MinimalMainTest {

    @Test
    void itsFirstRunIsReportedAsColdBesideEachMeasuredRun(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("minimal.report");
        Map<Property, Object> properties = new EnumMap<>(Property.class);
        properties.put(Property.MODEL, "futures");
        properties.put(Property.SIZE, "N=10 L=50ms");
        properties.put(Property.WARMUPS, 1);
        properties.put(Property.MEASUREMENTS, 3);
        properties.put(Property.REPORT, report);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-preview"));
        command.addAll(ForkProtocol.args(properties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MinimalMain.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("minimal.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue());

        ForkOutcome outcome = ForkOutcome.read(report);
        assertNull(outcome.problem());
        assertEquals(3, outcome.values().get(Measure.TIME).size(), "each measured run");
        assertEquals(1, outcome.values().get(Measure.COLD).size(), "the first run, once");
        double cold = outcome.value(Measure.COLD);
        assertTrue(cold >= 49 && cold < 30_000, "ten waits of 50 ms at once, in a fresh JVM: " + cold);
    }
}
