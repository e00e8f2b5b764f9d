import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.spec.Arrivals;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.Faults;
import dev.asyncbench.core.spec.RetryPlan;
import dev.asyncbench.core.testbed.TestbedDatabase;
import org.HdrHistogram.Histogram;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * The seeded values the asyncio row ports, from core's own classes: the same lines, word for word,
 * as {@code python3 -m asyncbench_asyncio.selfcheck --print} prints from the Python port.
 * Run: java -cp CORE_CLASSPATH Values.java > jvm.txt; python3 -m asyncbench_asyncio.selfcheck --print | diff jvm.txt -
 */
public class Values {
    static final long[][] BACKOFFS = {{100, 1000}, {10, 40}, {7, 7}};
    static final long[] IDS = {0, 1, 7, 1000, 123456, 2147483647L};
    static final String[] DISTS = {"uniform:x=30", "uniform:x=3", "bimodal:f=0.05,m=20", "bimodal:f=0.5,m=3", "lognormal:p99=10",
            "lognormal:p99=4", "lognormal:p99=1000"};
    static final long[] NOMINALS = {1, 7, 100, 1000};
    static final int[][] RATES = {{1000, 1000}, {100, 300}, {50000, 2000}, {7, 5000}};
    static final String[] PERCENTILES = {"0", "1", "25", "33.333", "50", "90", "99", "99.9", "99.99", "100"};

    public static void main(String[] args) throws Exception {
        for (long[] b : BACKOFFS) {
            RetryPlan plan = new RetryPlan(Duration.ZERO, Faults.NONE, 10, Duration.ofSeconds(1), Duration.ofMillis(b[0]), Duration.ofMillis(b[1]));
            StringBuilder s = new StringBuilder();
            for (long id : IDS) for (int a = 1; a <= 10; a++) s.append(plan.backoff((int) id, a).toMillis()).append(' ');
            System.out.println("backoff " + b[0] + " " + b[1] + ": " + s.toString().trim());
        }
        for (String f : new String[] {"0.3", "0.9", "0.05"}) {
            Faults faults = new Faults(Double.parseDouble(f));
            StringBuilder s = new StringBuilder();
            for (int id = 0; id < 200; id++) for (int a = 1; a <= 10; a++) {
                Fault x = faults.of(id, a);
                s.append(x == null ? "-" : x.name().substring(0, 1));
            }
            System.out.println("faults f=" + f + ": " + s);
        }
        for (int[] r : RATES) {
            long[] at = Arrivals.poisson(r[0], Duration.ofMillis(r[1]));
            System.out.println("arrivals " + r[0] + "/s " + r[1] + " ms: n=" + at.length + " first=" + at[0] + " last=" + at[at.length - 1]
                    + " fold=" + Checksums.foldAll(at));
        }
        for (String d : DISTS) {
            Dist dist = Dist.parse(d);
            for (long nominal : NOMINALS) {
                long[] ms = new long[10000];
                for (int id = 0; id < ms.length; id++) ms[id] = dist.latencyMs(id, nominal);
                long sum = 0;
                for (long v : ms) sum += v;
                System.out.println("latencyMs " + d + " L=" + nominal + ": first " + ms[0] + " " + ms[1] + " " + ms[2] + " " + ms[3]
                        + " sum=" + sum + " fold=" + Checksums.foldAll(ms));
            }
        }
        Method profile = Class.forName("dev.asyncbench.core.testbed.Bodies").getDeclaredMethod("profile", long.class);
        profile.setAccessible(true);
        for (long id : new long[] {0, 1, 3, 999, 1000, 1001, 123456, 2147483647L}) {
            byte[] p = (byte[]) profile.invoke(null, id);
            System.out.println("profile " + id + ": " + p.length + " " + Digests.sha256Hex(p)
                    + " combine=" + Summaries.combine((int) id, p, TestbedDatabase.seededOrders((int) id)));
        }
        System.out.println("profile 3 text: " + new String((byte[]) profile.invoke(null, 3L), java.nio.charset.StandardCharsets.UTF_8));
        for (int set = 1; set <= 4; set++) {
            Histogram h = new Histogram(3_600_000_000L, 3);
            for (long v : dataset(set)) h.recordValue(v);
            StringBuilder s = new StringBuilder();
            for (String p : PERCENTILES) s.append(h.getValueAtPercentile(Double.parseDouble(p))).append(' ');
            System.out.println("hdr set " + set + " n=" + h.getTotalCount() + ": " + s + "max=" + h.getMaxValue());
        }
    }

    /** The same four sets selfcheck.py builds: 1..100, a spread to an hour in µs, small values with ties, a quadratic spread. */
    static long[] dataset(int set) {
        int n = switch (set) { case 1 -> 100; case 2 -> 10000; case 3 -> 1000; default -> 5000; };
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            long j = i;
            v[i] = switch (set) {
                case 1 -> j + 1;
                case 2 -> j * 2654435761L % 3_600_000_000L;
                case 3 -> j * j * 7919 % 5000;
                default -> 1000 + j * j % 1_000_000;
            };
        }
        return v;
    }
}
