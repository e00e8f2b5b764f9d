import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.io.HttpStatusException;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.ServerUnreachableException;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.sequential.SequentialModel;
import dev.asyncbench.core.spec.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The JVM sequential model's answers for asyncio-impl/smoke_testbed.py: the same specs against the
 * same testbed, one "key<TAB>value" line each, in the words smoke_testbed.py prints its own in.
 * Args: HTTP base, JDBC URL, user, password, input folder, comma-separated files, output folder.
 */
public class Ref {
    static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    static void out(String key, Callable<Object> answer) {
        String value;
        try {
            value = String.valueOf(answer.call());
        } catch (Throwable e) {
            value = "error " + kind(e);
        }
        System.out.println(key + "\t" + value);
    }

    /** The first known kind of error in the cause chain, as smoke_testbed.py names its own. */
    static String kind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) return "Timeout";
            if (t instanceof HttpStatusException h) return "HttpStatus " + h.status();
            if (t instanceof TaskFailedException) return "TaskFailed " + t.getMessage();
            if (t instanceof ServerUnreachableException) return "ServerUnreachable";
        }
        return e.toString();
    }

    public static void main(String[] a) {
        TestbedClient http = TestbedClient.of(URI.create(a[0]));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(a[1]);
        config.setUsername(a[2]);
        config.setPassword(a[3]);
        config.setMaximumPoolSize(4);
        OrdersRepository orders = new OrdersRepository(new HikariDataSource(config), "PostgreSQL", 1000);
        SequentialModel m = new SequentialModel();
        GatherSpec abc = GatherSpec.of(Task.of("A", ms(30)), Task.of("B", ms(10)), Task.of("C", ms(20)));
        GatherSpec failing = GatherSpec.of(Task.of("A", ms(30)), Task.failing("B", ms(10)), Task.of("C", ms(20)));

        out("hello", () -> { EventLog log = EventLog.recording(); m.hello(ms(10), log); return String.join(",", log.lines()); });
        out("gather", () -> String.join(",", m.gather(abc, EventLog.recording())));
        out("gather fail", () -> m.gather(failing, EventLog.recording()));
        out("gather all", () -> m.gatherAll(failing, EventLog.recording()).stream()
                .map(o -> o.task() + (o.failed() ? "!" + o.error() : "=" + o.value())).collect(Collectors.joining(";")));
        out("gather many", () -> m.gatherMany(new MassGatherSpec(1000, ms(10))));
        for (String d : List.of("fixed", "uniform:x=3", "lognormal:p99=4", "bimodal:f=0.1,m=3", "failing:seed=3,m=0.25")) {
            out("fan-out " + d, () -> {
                FanOutResult r = m.httpFanOut(new FanOutSpec(http, 50, ms(5), 1000, 10, Dist.parse(d)));
                return r.responses() + " " + r.bytes() + " " + r.checksum();
            });
        }
        out("fan-out unreachable", () -> m.httpFanOut(new FanOutSpec(TestbedClient.of(URI.create("http://127.0.0.1:1")), 5, ms(5), 10, 2)));
        out("files", () -> m.files(new FilesSpec(Path.of(a[4]), List.of(a[5].split(",")), Path.of(a[6]), 3)).entries().stream()
                .map(e -> e.file() + " " + e.bytes() + " " + e.sha256()).collect(Collectors.joining(";")));
        out("db", () -> { DbResult r = m.db(new DbSpec(orders, 12, ms(10))); return r.queries() + " " + r.rows() + " " + r.amountCents(); });
        for (String d : List.of("fixed", "uniform:x=3")) {
            out("aggregate " + d, () -> {
                AggregateResult r = m.aggregate(new AggregateSpec(http, orders, 20, ms(5), 5, Dist.parse(d)));
                return r.ids() + " " + r.checksum();
            });
        }
        out("timeout ok", () -> HexFormat.of().formatHex(m.fetchWithTimeout(new TimeoutSpec(http, ms(10), ms(2000)))
                .getBytes(StandardCharsets.UTF_8)));
        out("timeout late", () -> m.fetchWithTimeout(new TimeoutSpec(http, ms(1000), ms(100))));
        out("race", () -> m.race(RaceSpec.of(http, Replica.of("a", ms(60)), Replica.failing("b", ms(10)), Replica.of("c", ms(30)))));
        out("race all fail", () -> m.race(RaceSpec.of(http, Replica.failing("a", ms(20)), Replica.failing("b", ms(10)))));
        for (String f : List.of("0.3 3", "0.6 2")) {
            out("retry f=" + f, () -> {
                String[] fa = f.split(" ");
                RetryResult r = m.retry(new RetrySpec(http, 30, ms(5), 256, 6, new Faults(Double.parseDouble(fa[0])),
                        Integer.parseInt(fa[1]), ms(60), ms(10), ms(40)));
                return r.requests() + " " + r.succeeded() + " " + r.bytes() + " " + r.checksum() + " " + RetryResult.describe(r.failures());
            });
        }
        out("load", () -> {
            LoadResult r = m.load(new LoadSpec(http, orders, 100, ms(300), ms(5), 5));
            return r.requests() + " " + r.answered() + " " + r.checksum();
        });
        orders.close();
    }
}
