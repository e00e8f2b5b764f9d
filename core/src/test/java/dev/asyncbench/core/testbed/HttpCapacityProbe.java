package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.TestbedClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * How much load the HTTP testbed sustains on this machine: the figures in docs/testbed.md come
 * from this probe. Not a test (it runs for about two minutes and asserts nothing); run it by
 * hand, with nothing else busy, from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -o -pl core test-compile
 * CP=core/target/test-classes:core/target/classes:$(find ~/.m2/repository/io/netty -name '*-4.2.20.Final.jar' | tr '\n' ':')
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp "$CP" dev.asyncbench.core.testbed.HttpCapacityProbe
 * }</pre>
 *
 * <p>Two measurements, each against a fresh server process ({@link HttpServerProcess}) driven by
 * the JDK HttpClient in this JVM, the client every model uses:
 * <ol>
 *   <li><b>Throughput</b>: U users each send a 64-byte {@code /bytes} request without delay
 *       and the next as soon as the answer arrives. Reports requests per second and the CPU
 *       the server and the client spent per request: the server's share shows whether it, or
 *       the client, is the limit.</li>
 *   <li><b>Concurrency</b>: N delayed requests sent at once. Reports how long they took to
 *       arrive, the server's peak in flight, and whether every answer came back right. The
 *       ceiling here is the file limit (one socket per request on each side, 20,000 files a
 *       process), not the server.</li>
 * </ol>
 */
final class HttpCapacityProbe {

    static final int SIZE = 64;
    static final Duration WARMUP = Duration.ofSeconds(3);
    static final Duration MEASURE = Duration.ofSeconds(8);
    static final int[] USERS = {1, 16, 64, 256};
    static final int[] CONCURRENT = {1_000, 5_000, 10_000, 15_000, 19_000};
    /** Longer than sending the largest batch takes, so all of it waits at once. */
    static final Duration HOLD = Duration.ofSeconds(15);

    public static void main(String[] args) throws Exception {
        System.out.printf("HttpCapacityProbe, %s: %d cores, %s, JDK %s, open-file limit %s, somaxconn %s, load average %s%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Runtime.version(),
                openFileLimit(), firstLine(Path.of("/proc/sys/net/core/somaxconn")), firstLine(Path.of("/proc/loadavg")));
        List<String> parts = args.length == 0 ? List.of("throughput", "concurrency") : List.of(args);
        if (parts.contains("throughput")) {
            System.out.printf("%nthroughput, %d-byte /bytes, no delay, %d s after %d s warm-up%n", SIZE, MEASURE.toSeconds(), WARMUP.toSeconds());
            System.out.println("users  requests/s  errors  server CPU (cores)  server us/request  client CPU (cores)");
            for (int users : USERS) throughput(users);
        }
        if (parts.contains("concurrency")) {
            System.out.printf("%nconcurrency, %d-byte /bytes held %d s, all sent at once%n", SIZE, HOLD.toSeconds());
            System.out.println("requests  sent in (s)  peak in flight  answered right  errors  server RSS (MB)  accept-queue overflows");
            for (int requests : CONCURRENT) {
                if (!concurrency(requests)) break;
            }
        }
        System.out.printf("%nload average at the end: %s%n", firstLine(Path.of("/proc/loadavg")));
    }

    /** {@code users} closed-loop users for {@link #MEASURE}; prints one row. */
    static void throughput(int users) throws Exception {
        try (ExecutorService callbacks = Executors.newFixedThreadPool(2);
             HttpClient client = newClient(callbacks);
             HttpServerProcess server = HttpServerProcess.start()) {
            LongAdder answered = new LongAdder(), errors = new LongAdder();
            var phase = new Object() {
                volatile boolean counting, stopping;
            };
            CountDownLatch stopped = new CountDownLatch(users);
            for (int u = 0; u < users; u++) {
                HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/bytes?seed=" + u + "&size=" + SIZE)).build();
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    if (phase.stopping) {
                        stopped.countDown();
                        return;
                    }
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200 || response.body().length != SIZE) errors.increment();
                        else if (phase.counting) answered.increment();
                        next[0].run();
                    });
                };
                next[0].run();
            }
            Thread.sleep(WARMUP);
            long serverCpu0 = cpuNanos(server.process().toHandle()), clientCpu0 = cpuNanos(ProcessHandle.current()), t0 = System.nanoTime();
            phase.counting = true;
            Thread.sleep(MEASURE);
            phase.counting = false;
            long serverCpu = cpuNanos(server.process().toHandle()) - serverCpu0, clientCpu = cpuNanos(ProcessHandle.current()) - clientCpu0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            phase.stopping = true;
            stopped.await(30, TimeUnit.SECONDS);
            long n = answered.sum();
            System.out.printf("%5d  %10.0f  %6d  %18.2f  %17.1f  %18.2f%n", users, n / seconds, errors.sum(),
                    serverCpu / 1e9 / seconds, serverCpu / 1e3 / n, clientCpu / 1e9 / seconds);
        }
    }

    /** {@code requests} delayed requests at once; prints one row and says whether all were answered right. */
    static boolean concurrency(int requests) throws Exception {
        try (ExecutorService callbacks = Executors.newFixedThreadPool(2);
             HttpClient client = newClient(callbacks);
             HttpServerProcess server = HttpServerProcess.start()) {
            TestbedClient stats = TestbedClient.of(server.uri());
            long overflows0 = listenOverflows();
            long t0 = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) calls.add(client.sendAsync(request(server.uri(), i), HttpResponse.BodyHandlers.ofByteArray()));

            double sentIn = Double.NaN;
            long rssAtPeak = 0;
            while (System.nanoTime() - t0 < HOLD.toNanos()) {
                ServerStats now = stats.stats();
                if (now.inFlight() + now.completed() + now.abandoned() >= requests) {
                    sentIn = (System.nanoTime() - t0) / 1e9;
                    rssAtPeak = residentMegabytes(server.process().pid());
                    break;
                }
                Thread.sleep(50);
            }

            Map<String, Integer> errors = new TreeMap<>();
            int right = 0;
            for (int i = 0; i < requests; i++) {
                try {
                    HttpResponse<byte[]> response = calls.get(i).get(HOLD.toSeconds() + 60, TimeUnit.SECONDS);
                    if (response.statusCode() == 200 && Arrays.equals(Bodies.bytes(i, SIZE), response.body())) right++;
                    else errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    errors.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
            ServerStats end = stats.stats();
            System.out.printf("%8d  %11.1f  %14d  %14d  %6s  %15d  %22d%n", requests, sentIn, end.peakInFlight(), right,
                    errors.isEmpty() ? "0" : errors.toString(), rssAtPeak, listenOverflows() - overflows0);
            return errors.isEmpty();
        }
    }

    static HttpClient newClient(ExecutorService callbacks) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).executor(callbacks).build();
    }

    static HttpRequest request(URI server, int seed) {
        return HttpRequest.newBuilder(server.resolve("/bytes?seed=" + seed + "&size=" + SIZE + "&delayMs=" + HOLD.toMillis())).build();
    }

    static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow().toNanos();
    }

    static long residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    /**
     * Connections the kernel dropped because a listener's accept queue was full (all listeners
     * of the machine: {@code ListenOverflows} in /proc/net/netstat). The client retries them a
     * second or more later, so they slow the ramp down without failing it.
     */
    static long listenOverflows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
        List<String> names = List.of(lines.get(0).split(" ")), values = List.of(lines.get(1).split(" "));
        return Long.parseLong(values.get(names.indexOf("ListenOverflows")));
    }

    static String openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) return line.substring("Max open files".length()).trim().split("\\s+")[0];
        }
        return "?";
    }

    static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).getFirst().trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private HttpCapacityProbe() {
    }
}
