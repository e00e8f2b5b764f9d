import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.sequential.SequentialModel;
import dev.asyncbench.core.spec.*;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bench's reference files for the harness (asyncbench_asyncio/harness.py --reference), written as
 * ScenarioState.expectReference writes them: String.valueOf of the sequential model's answer at
 * latency 0, no newline, in FOLDER/KEY.txt (the key from harness.py --print-key).
 * Args: HTTP base, JDBC URL, user, password, FOLDER, then KEY@scenario:letters... e.g.
 * "http-fan-out:K=500,B=4096,C=100", "db:Q=200,P=20", "load:R=200,T=500,C=20,P=20", "aggregate:N=200,C=50,P=20",
 * "timeout:L=10,D=100", "collect-all:N=3" (only the letters the answer needs).
 */
public class BenchRef {
    public static void main(String[] a) throws Exception {
        TestbedClient http = TestbedClient.of(URI.create(a[0]));
        SequentialModel m = new SequentialModel();
        Path folder = Files.createDirectories(Path.of(a[4]));
        for (int i = 5; i < a.length; i++) {
            String[] keyAndWhat = a[i].split("@", 2);
            String[] what = keyAndWhat[1].split(":", 2);
            java.util.Map<String, Integer> s = new java.util.HashMap<>();
            for (String kv : what[1].split(",")) s.put(kv.split("=")[0], Integer.parseInt(kv.split("=")[1]));
            Object answer;
            OrdersRepository orders = s.containsKey("P") ? orders(a, s.get("P")) : null;
            try {
                answer = switch (what[0]) {
                    case "http-fan-out" -> m.httpFanOut(new FanOutSpec(http, s.get("K"), Duration.ZERO, s.get("B"), s.get("C")));
                    case "db" -> m.db(new DbSpec(orders, s.get("Q"), Duration.ZERO));
                    case "load" -> {
                        LoadSpec spec = new LoadSpec(http, orders, s.get("R"), Duration.ofMillis(s.get("T")), Duration.ZERO, s.get("C"));
                        yield m.aggregate(spec.work(spec.arrivals().length).withLatency(Duration.ZERO)).checksum();
                    }
                    case "aggregate" -> m.aggregate(new AggregateSpec(http, orders, s.get("N"), Duration.ZERO, s.get("C")));
                    case "timeout" -> m.fetchWithTimeout(new TimeoutSpec(http, Duration.ofMillis(s.get("L")), Duration.ofMillis(s.get("D"))));
                    case "collect-all" -> {      // FailFastBenchmark: BenchScenario.gatherTasks at 0 ms, task min(1, N - 1) failing
                        java.util.List<Task> tasks = new java.util.ArrayList<>();
                        int n = s.get("N");
                        for (int t = 0; t < n; t++) {
                            String name = n <= 26 ? String.valueOf((char) ('A' + t)) : "T" + (t + 1);
                            tasks.add(new Task(name, Duration.ZERO, t == Math.min(1, n - 1)));
                        }
                        yield m.gatherAll(new GatherSpec(tasks), dev.asyncbench.core.EventLog.recording());
                    }
                    default -> throw new IllegalArgumentException(what[0]);
                };
            } finally {
                if (orders != null) orders.close();
            }
            Files.writeString(folder.resolve(keyAndWhat[0]), String.valueOf(answer));
            System.out.println(keyAndWhat[0] + "\t" + answer);
        }
    }

    static OrdersRepository orders(String[] a, int pool) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(a[1]);
        config.setUsername(a[2]);
        config.setPassword(a[3]);
        config.setMaximumPoolSize(pool);
        return new OrdersRepository(new HikariDataSource(config), "PostgreSQL", 1000);
    }
}
