package dev.asyncbench.futures;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.testbed.FileTrees;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The futures model's blocking pools, which the conformance kit does not see: files run on C
 * threads for a scenario's C (not a fixed number), and the JDBC threads live as long as the
 * model, one pool of P per repository.
 */
@Timeout(120)
class FuturesPoolsTest {

    @Test
    void filesRunOnAPoolOfC() {
        Testbed testbed = Testbed.shared();
        Path tree = testbed.scratch("futures-files-");
        List<String> names = FileTrees.generate(tree, 200, 1024, 7);
        try (FuturesModel model = new FuturesModel()) {
            model.files(new FilesSpec(tree, names, testbed.scratch("futures-digests-"), 100));
            assertEquals(100, threadsNamed("futures-files-").size(), "C = 100: a pool of 100 file threads");
        }
    }

    @Test
    void oneJdbcPoolOfPPerRepositoryOutlivesTheCallAndEndsWithTheModel() throws InterruptedException {
        try (OrdersRepository orders = Testbed.shared().orders(4)) {
            Set<Long> first;
            try (FuturesModel model = new FuturesModel()) {
                model.db(new DbSpec(orders, 12, Duration.ofMillis(20)));
                first = threadsNamed("futures-jdbc-");
                assertEquals(4, first.size(), () -> "P = 4 JDBC threads alive after the call: " + first);
                model.aggregate(new AggregateSpec(Testbed.shared().http(), orders, 8, Duration.ofMillis(20), 4));
                assertEquals(first, threadsNamed("futures-jdbc-"), "the next calls reuse the same P threads");
            }
            awaitNoThreads("futures-jdbc-");
        }
    }

    /** Ids of the live threads named {@code prefix} and a number (a pool's factory names them so). */
    static Set<Long> threadsNamed(String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "\\d+");
        return Thread.getAllStackTraces().keySet().stream().filter(t -> name.matcher(t.getName()).matches())
                .map(Thread::threadId).collect(Collectors.toSet());
    }

    private static void awaitNoThreads(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!threadsNamed(prefix).isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("threads named " + prefix + "* still alive after close()");
            Thread.sleep(20);
        }
    }
}
