package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.io.TestbedClient.Transport;

import java.io.BufferedReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static dev.asyncbench.core.testbed.HttpCapacityProbe.cpuNanos;
import static dev.asyncbench.core.testbed.HttpCapacityProbe.firstLine;

/**
 * Each HTTP transport's client-alone ceiling: the fan-out of the full preset (K = 10,000
 * requests, at most C = 1,000 in flight, L = 20 ms server latency, B = 1 KiB bodies) driven
 * through {@link TestbedClient} with no model around it, and wrk on the same kind of server for
 * the server's own ceiling. Not a test (about two minutes, asserts nothing); run it by hand from
 * the repository root, with nothing else busy if the figures are to be published:
 *
 * <pre>{@code
 * ./mvnw -B -q -pl core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/probe.cp
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp "core/target/test-classes:core/target/classes:$(cat core/target/probe.cp)" \
 *     dev.asyncbench.core.testbed.HttpTransportProbe
 * }</pre>
 * (any JDK 25's {@code java}; arguments, if any, pick candidates by name, for instance
 * {@code apache-async wrk}.)
 *
 * <p>Each candidate runs in a fresh JVM of its own against a fresh server process
 * ({@link HttpServerProcess}): 6 rounds of the fan-out, of which rounds 3 to 5 are reported (1
 * opens the connections, 1 and 2 warm the JIT; 6 is left out as a round that may meet the
 * JVM's exit). Per round: requests per second, the client JVM's CPU time per request (its whole
 * process: IO threads, GC and JIT included), the server's CPU time per request, the peak in
 * flight the server saw, and errors. Candidates:
 * <ul>
 *   <li>{@code jdk-send-vt}, {@code apache-send-vt}: C virtual threads, each calling the
 *       blocking {@code send} for the next request until K are done.
 *   <li>{@code jdk-async}, {@code apache-async}: C chains of {@code sendAsync}, each sending
 *       the next request when its answer arrives.
 *   <li>{@code wrk}: {@code wrk -t2 -c1000} on {@code /bytes?seed=1&size=1024&delayMs=20} for
 *       3 runs of 3 s after 2 s of warm-up, when wrk is on the PATH (Debian: {@code apt-get
 *       install wrk}); its CPU is wrk's own (the children times of a shell).
 * </ul>
 */
final class HttpTransportProbe {

    static final int K = 10_000, C = 1_000, B = 1024, ROUNDS = 6, FIRST_REPORTED = 3, LAST_REPORTED = 5;
    static final Duration L = Duration.ofMillis(20);
    static final List<String> CANDIDATES = List.of("jdk-send-vt", "jdk-async", "apache-send-vt", "apache-async", "wrk");

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("--measure")) {
            measure(args[1], URI.create(args[2]), Long.parseLong(args[3]));
            return;
        }
        List<String> chosen = args.length == 0 ? CANDIDATES : List.of(args);
        for (String c : chosen) {
            if (!CANDIDATES.contains(c)) throw new IllegalArgumentException("unknown candidate " + c + "; known: " + CANDIDATES);
        }
        System.out.printf("HttpTransportProbe, %s: %d cores, JDK %s, load average %s%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), firstLine(Path.of("/proc/loadavg")));
        System.out.printf("fan-out K=%,d C=%,d L=%d ms B=%d; rounds %d-%d of %d, each candidate in a fresh JVM against a fresh server%n",
                K, C, L.toMillis(), B, FIRST_REPORTED, LAST_REPORTED, ROUNDS);
        for (Transport t : Transport.values()) System.out.println("  " + t.settings());
        System.out.printf("%n%-15s %5s %8s %12s %14s %14s %9s %6s%n", "candidate", "round", "time (s)", "requests/s",
                "client us/req", "server us/req", "peak", "errors");
        for (String candidate : chosen) {
            if (candidate.equals("wrk")) wrk();
            else inFreshJvm(candidate);
        }
        System.out.printf("%nload average at the end: %s%n", firstLine(Path.of("/proc/loadavg")));
    }

    /** Runs {@link #measure} in a child JVM against a fresh server; prints its reported rounds. */
    static void inFreshJvm(String candidate) throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HttpTransportProbe.class.getName(),
                    "--measure", candidate, server.uri().toString(), Long.toString(server.process().pid())));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = child.inputReader()) {
                for (String line = out.readLine(); line != null; line = out.readLine()) System.out.println(line);
            }
            if (child.waitFor() != 0) System.out.printf("%-15s exited with %d%n", candidate, child.exitValue());
        }
    }

    /** Six rounds of the fan-out in this JVM; prints rounds {@value #FIRST_REPORTED} to {@value #LAST_REPORTED}. */
    static void measure(String candidate, URI server, long serverPid) throws Exception {
        Transport transport = Transport.of(candidate.substring(0, candidate.indexOf('-')));
        boolean blocking = candidate.endsWith("-send-vt");
        TestbedClient client = TestbedClient.of(server, transport);
        ProcessHandle serverProcess = ProcessHandle.of(serverPid).orElseThrow();
        for (int round = 1; round <= ROUNDS; round++) {
            client.resetStats();
            LongAdder errors = new LongAdder();
            long clientCpu0 = cpuNanos(ProcessHandle.current()), serverCpu0 = cpuNanos(serverProcess), t0 = System.nanoTime();
            if (blocking) sendOnVirtualThreads(client, errors);
            else sendAsync(client, errors);
            long nanos = System.nanoTime() - t0;
            long clientCpu = cpuNanos(ProcessHandle.current()) - clientCpu0, serverCpu = cpuNanos(serverProcess) - serverCpu0;
            ServerStats stats = client.stats();
            if (round >= FIRST_REPORTED && round <= LAST_REPORTED) {
                System.out.printf("%-15s %5d %8.3f %,12.0f %14.1f %14.1f %,9d %6d%n", candidate, round, nanos / 1e9, K / (nanos / 1e9),
                        clientCpu / 1e3 / K, serverCpu / 1e3 / K, stats.peakInFlight(), errors.sum());
            }
        }
    }

    /** C virtual threads, each sending the next request with the blocking {@code send} until K are done. */
    static void sendOnVirtualThreads(TestbedClient client, LongAdder errors) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>(C);
        for (int w = 0; w < C; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < K; i = next.getAndIncrement()) {
                    try {
                        if (client.send(client.bytes(i, B, L)).length != B) errors.increment();
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
            }));
        }
        for (Thread worker : workers) worker.join();
    }

    /** C chains of {@code sendAsync}: each answer sends the next request, until K are answered. */
    static void sendAsync(TestbedClient client, LongAdder errors) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(K);
        var chain = new Object() {
            void send() {
                int i = next.getAndIncrement();
                if (i >= K) return;
                CompletableFuture<byte[]> call = client.sendAsync(client.bytes(i, B, L));
                call.whenComplete((body, error) -> {
                    if (error != null || body.length != B) errors.increment();
                    answered.countDown();
                    send();
                });
            }
        };
        for (int w = 0; w < C; w++) chain.send();
        answered.await();
    }

    /** wrk against a fresh server: 2 s of warm-up, then 3 runs of 3 s; prints one row per run. */
    static void wrk() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() != 0) {
            System.out.printf("%-15s not installed (Debian: apt-get install wrk); skipped%n", "wrk");
            return;
        }
        try (HttpServerProcess server = HttpServerProcess.start()) {
            String url = server.uri() + "/bytes?seed=1&size=" + B + "&delayMs=" + L.toMillis();
            ProcessHandle serverProcess = server.process().toHandle();
            for (int run = 0; run <= 3; run++) {
                int seconds = run == 0 ? 2 : 3;
                long serverCpu0 = cpuNanos(serverProcess);
                // the shell's `times` prints its children's user and system time: wrk's own CPU
                Process wrk = new ProcessBuilder("bash", "-c", "wrk -t2 -c" + C + " -d" + seconds + "s --timeout 10s '" + url + "'; times")
                        .redirectErrorStream(true).start();
                List<String> lines = wrk.inputReader().lines().toList();
                wrk.waitFor();
                long serverCpu = cpuNanos(serverProcess) - serverCpu0;
                if (run == 0) continue;
                long requests = lines.stream().filter(l -> l.contains("requests in")).mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[0])).findFirst().orElse(0);
                double perSecond = lines.stream().filter(l -> l.startsWith("Requests/sec:")).mapToDouble(l -> Double.parseDouble(l.split(":")[1].trim())).findFirst().orElse(0);
                // "Non-2xx or 3xx responses: N" and "Socket errors: connect N, read N, write N, timeout N", when not all 0
                long errors = lines.stream().filter(l -> l.contains("Non-2xx") || l.contains("Socket errors"))
                        .flatMap(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).replaceAll("[^0-9]+", " ").trim().split(" ")))
                        .mapToLong(Long::parseLong).sum();
                String[] children = lines.getLast().trim().split("\\s+");
                double wrkCpu = seconds(children[0]) + seconds(children[1]);
                System.out.printf("%-15s %5s %8.3f %,12.0f %14.1f %14.1f %9s %6d%n", "wrk", "run " + run, (double) seconds, perSecond,
                        requests == 0 ? 0 : wrkCpu * 1e6 / requests, requests == 0 ? 0 : serverCpu / 1e3 / requests, "-", errors);
            }
        }
    }

    /** {@code 1m2.345s}, as bash's {@code times} prints it, in seconds. */
    static double seconds(String minutesSeconds) {
        String[] parts = minutesSeconds.replace("s", "").split("m");
        return Integer.parseInt(parts[0]) * 60 + Double.parseDouble(parts[1]);
    }

    private HttpTransportProbe() {
    }
}
