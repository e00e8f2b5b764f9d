package dev.asyncbench.core.conformance;

import dev.asyncbench.core.io.DiskWatch;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.testbed.FileTrees;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.time.Duration.ofMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 4's concurrency rule, FI3: the file work a model runs at once, as the testbed's disk
 * sees it ({@link DiskWatch}: every durable write counted from start to end, and held
 * {@link #HOLD} before its force, as a slow disk would, so that overlapping files really overlap
 * on any machine).
 */
interface FilesRules extends KitAccess {

    /** FI3: 4 rounds of C = 8 files of 4 KiB, each durable write held 100 ms by the disk. */
    int FI3_C = 8;
    int FI3_ROUNDS = 4;
    int FI3_FILE_BYTES = 4 * 1024;
    Duration HOLD = ofMillis(100);

    /**
     * FI3: at the peak, C files are being written at once (at least 80 % of C, never more;
     * W when smaller; the sequential model exactly 1), and wall time is about
     * ceil(F / C) rounds of the disk's hold.
     */
    @Test
    default void fi3_fileWorkReachesCAndNeverExceedsIt() {
        int width = widthFor(FI3_C);
        int files = FI3_ROUNDS * width;
        Path tree = testbed().scratch("kit-fi3-tree-");
        List<String> names = FileTrees.generate(tree, files, FI3_FILE_BYTES, 43);
        FilesSpec spec = new FilesSpec(tree, names, testbed().scratch("kit-fi3-out-").resolve("out"), FI3_C);
        ConformanceKit.Timed<Manifest> call;
        DiskWatch disk = DiskWatch.start(HOLD);
        try (disk) {
            call = ConformanceKit.time(() -> model().files(spec));
        }
        assertEquals(names, call.value().entries().stream().map(Manifest.Entry::file).toList(), "one entry per file, in input order");
        assertEquals(files, disk.writes(), () -> "one durable write per file: " + disk);
        long reached = traits().concurrent() ? (long) Math.ceil(0.8 * width) : 1;
        long allowed = traits().concurrent() ? FI3_C : 1;
        assertTrue(disk.peak() >= reached && disk.peak() <= allowed,
                () -> "C = " + FI3_C + " (" + width + " for this model's traits): expected " + reached
                        + (reached == allowed ? "" : " to " + allowed) + " files written at once at the peak, the disk saw "
                        + disk.peak() + ": " + disk);
        Window.around("files(F=" + files + ", C=" + FI3_C + ", each write held " + HOLD.toMillis() + " ms)",
                Window.rounds(files, width, HOLD)).check(call.elapsed());
    }
}
