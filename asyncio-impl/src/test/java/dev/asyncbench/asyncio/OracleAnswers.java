package dev.asyncbench.asyncio;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.sequential.SequentialModel;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.Faults;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.LoadSpec;
import dev.asyncbench.core.spec.Makespan;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.spec.TimeoutSpec;
import dev.asyncbench.core.testbed.FileTrees;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

/**
 * The JVM sequential model's answers (and the plan's figures: attempts, backoffs, makespans) for
 * the specs the pytest kit uses, keyed as {@code tests/kit.py} asks for them. As core's
 * {@code Oracle}: latency never changes an answer, so the oracle runs without it (race aside,
 * whose answer depends on the latencies). The constants are the JVM kit's, which the pytest kit
 * mirrors; a key the pytest kit asks for and this file does not write fails that test, naming it.
 */
final class OracleAnswers {

    private final SequentialModel sequential = new SequentialModel();
    private final TestbedClient http;
    private final OrdersRepository orders;   // null when the database cannot serve the asyncio row
    private final Map<String, Object> answers = new LinkedHashMap<>();

    private OracleAnswers(TestbedClient http, OrdersRepository orders) {
        this.http = http;
        this.orders = orders;
    }

    /** Every answer the pytest kit asks for, file trees generated under {@code scratch}. */
    static Map<String, Object> compute(TestbedClient http, OrdersRepository orders, Path scratch) throws TimeoutException {
        OracleAnswers o = new OracleAnswers(http, orders);
        o.gather();
        o.fanOut();
        o.files(scratch);
        o.timeoutAndRace();
        o.retry();
        if (orders != null) o.database();
        return o.answers;
    }

    private void gather() {
        Duration unit = ofMillis(200);
        GatherSpec shuffled = GatherSpec.of(Task.of("B", unit.multipliedBy(2)), Task.of("C", unit.multipliedBy(3)), Task.of("A", unit));
        answers.put("gather B C A", sequential.gather(withoutDelays(shuffled), EventLog.recording()));
        answers.put("gather A B C", sequential.gather(withoutDelays(GatherSpec.postExample(unit)), EventLog.recording()));
        GatherSpec failing = GatherSpec.of(Task.of("A", ofMillis(200)), Task.failing("B", ofMillis(300)), Task.of("C", ofMillis(600)));
        List<List<String>> outcomes = new ArrayList<>();
        for (Outcome out : sequential.gatherAll(withoutDelays(failing), EventLog.recording())) {
            outcomes.add(java.util.Arrays.asList(out.task(), out.value(), out.error()));
        }
        answers.put("gatherAll A B! C", outcomes);
    }

    private void fanOut() {
        for (int k : new int[] {200, 64}) {
            FanOutResult r = sequential.httpFanOut(new FanOutSpec(http, k, ZERO, 1024, 1));
            answers.put("fan-out K=" + k + " B=1024", Map.of("responses", r.responses(), "bytes", r.bytes(), "checksum", r.checksum()));
        }
        long[] drawn = Makespan.draws(Dist.parse("bimodal:f=0.05,m=20"), 64, 50);
        answers.put("makespan bimodal:f=0.05,m=20 K=64 L=50 C=8",
                Map.of("greedyMs", Makespan.greedy(drawn, 8), "inOrderMs", Makespan.inOrder(drawn, 8)));
    }

    private void files(Path scratch) {
        Path tree = scratch.resolve("kit-tree");
        List<String> names = FileTrees.generate(tree, 48, 16 * 1024, 42);
        Manifest manifest = sequential.files(new FilesSpec(tree, names, scratch.resolve("oracle-digests"), 1));
        List<List<Object>> entries = new ArrayList<>();
        for (Manifest.Entry e : manifest.entries()) entries.add(List.of(e.file(), e.bytes(), e.sha256()));
        answers.put("files F=48 S=16384 seed=42", Map.of("dir", tree.toString(), "names", names, "manifest", entries));
        Path fi3 = scratch.resolve("kit-fi3-tree");
        answers.put("files F=32 S=4096 seed=43", Map.of("dir", fi3.toString(), "names", FileTrees.generate(fi3, 32, 4 * 1024, 43)));
    }

    private void timeoutAndRace() throws TimeoutException {
        answers.put("timeout body", sequential.fetchWithTimeout(new TimeoutSpec(http, ZERO, ofSeconds(10))));
        answers.put("race b:300 a:100 c:50!", sequential.race(RaceSpec.of(http,
                Replica.of("b", ofMillis(300)), Replica.of("a", ofMillis(100)), Replica.failing("c", ofMillis(50)))));
        answers.put("race a:100! b:300 c:1000", sequential.race(RaceSpec.of(http,
                Replica.failing("a", ofMillis(100)), Replica.of("b", ofMillis(300)), Replica.of("c", ofSeconds(1)))));
    }

    /** RetryRules' plan: K = 4 rounds of C = 20, or the fewest requests showing every fault and one out of attempts. */
    private void retry() {
        Faults faults = new Faults(0.33);
        int attempts = 3, c = 20;
        int requests = 4 * c;
        while (!showsEverything(faults, requests, attempts)) requests++;
        RetrySpec spec = new RetrySpec(http, requests, ofMillis(50), 256, c, faults, attempts, ofMillis(150), ofMillis(20), ofMillis(80));
        RetryResult expected = RetryTally.expected(spec.plan(), spec.requests(), spec.bodyBytes());
        List<Integer> perRequest = new ArrayList<>();
        List<List<Long>> backoffMicros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            perRequest.add(spec.attempts(i));
            List<Long> backoffs = new ArrayList<>();
            for (int a = 1; a < attempts; a++) backoffs.add(spec.backoff(i, a).toNanos() / 1000);
            backoffMicros.add(backoffs);
        }
        Map<String, Object> failures = new LinkedHashMap<>();
        expected.failures().forEach((i, f) -> failures.put(String.valueOf(i), f.text()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requests", expected.requests());
        answer.put("succeeded", expected.succeeded());
        answer.put("bytes", expected.bytes());
        answer.put("checksum", expected.checksum());
        answer.put("failures", failures);
        answer.put("attempts", perRequest);
        answer.put("backoffMicros", backoffMicros);
        answer.put("greedyMs", Makespan.greedy(spec.chainsMs(), c));
        answers.put("retry f=0.33 A=3 C=20 L=50 B=256 T=150 backoff=20..80", answer);
    }

    private static boolean showsEverything(Faults faults, int requests, int attempts) {
        java.util.Set<Fault> seen = java.util.EnumSet.noneOf(Fault.class);
        boolean exhausted = false;
        for (int i = 0; i < requests; i++) {
            for (int a = 1; a <= faults.attempts(i, attempts); a++) if (faults.of(i, a) != null) seen.add(faults.of(i, a));
            exhausted |= faults.outcome(i, attempts) != null;
        }
        return seen.size() == Fault.values().length && exhausted;
    }

    private void database() {
        DbResult db = sequential.db(new DbSpec(orders, 32, ZERO));
        answers.put("db Q=32", Map.of("queries", db.queries(), "rows", db.rows(), "amountCents", db.amountCents()));
        aggregate(48);
        // load: C = 8 slots of L = 50 ms, a capacity of 160/s; a quarter of it, and twice it, for 1 s
        for (int rate : new int[] {40, 320}) {
            LoadSpec spec = new LoadSpec(http, orders, rate, ofSeconds(1), ofMillis(50), 8);
            long[] arrivals = spec.arrivals();
            answers.put("load R=" + rate + " T=1000 L=50 C=8", Map.of("arrivals", arrivals.length,
                    "makespanMs", (long) Makespan.withArrivals(arrivals, 50, 8)));
            aggregate(arrivals.length);
        }
    }

    private void aggregate(int ids) {
        answers.put("aggregate N=" + ids, sequential.aggregate(new AggregateSpec(http, orders, ids, ZERO, 1)).checksum());
    }

    private static GatherSpec withoutDelays(GatherSpec spec) {
        return new GatherSpec(spec.tasks().stream().map(t -> new Task(t.name(), ZERO, t.fails())).toList());
    }
}
