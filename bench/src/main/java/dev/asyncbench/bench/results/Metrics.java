package dev.asyncbench.bench.results;

/**
 * What was measured for one row. Every value is a plain {@code double}; {@link Double#NaN}
 * means "not measured" (an empty cell in the CSV), never zero.
 *
 * @param samples            measured operations (JMH single-shot iterations, or minimal-program runs)
 * @param timeMs             mean wall time of one operation
 * @param timeErrorMs        half-width of its 99.9% confidence interval (JMH's score error);
 *                           NaN with fewer than two samples
 * @param idealMs            the scenario's lower bound from SPEC.md (e.g. ceil(K / C) x L), for
 *                           any model that honours the spec's limits
 * @param p50Ms              per-task latency from the call's start: median
 * @param p99Ms              per-task latency: 99th percentile
 * @param maxMs              per-task latency: maximum
 * @param cpuMsPerOp         CPU time of the whole measured process (all threads, JIT and GC
 *                           included) per operation
 * @param allocBytesPerOp    bytes allocated per operation by all threads, including threads that
 *                           ended during it
 * @param rssPeakMb          peak resident set size of the measured process (VmHWM), MiB
 * @param rssPerTaskBytes    growth of the resident set while the tasks wait, per task
 * @param heapPerTaskBytes   live heap (after a full GC) while the tasks wait, minus before, per task
 * @param threadsPeak        peak live platform threads of the measured process
 * @param serverPeakInFlight the HTTP testbed's peak of requests in flight during an operation
 * @param pinnedEvents       JFR jdk.VirtualThreadPinned events per operation
 * @param coldMs             the first operation in a fresh JVM (the setup's checked run of the
 *                           model, or a minimal program's first run): class loading, code the JIT
 *                           has not compiled yet, pools and connections made on first use; one
 *                           operation per JVM (with several forks, their mean), never among the
 *                           {@code samples}
 * @param quietMs            time to quiescence, where cancelled work leaves the server busy
 *                           (race, timeout): from the operation's start until the HTTP testbed
 *                           has no request in flight (losers and timed-out calls abandoned),
 *                           the mean over the measured operations; at least {@code timeMs}
 * @param serviceP99Ms       load only: the 99th percentile of service time, from a request's start
 *                           in a slot to its end (what a closed benchmark would report beside
 *                           {@code p99Ms}, which load measures from each request's intended start)
 */
public record Metrics(double samples, double timeMs, double timeErrorMs, double idealMs,
                      double p50Ms, double p99Ms, double maxMs,
                      double cpuMsPerOp, double allocBytesPerOp,
                      double rssPeakMb, double rssPerTaskBytes, double heapPerTaskBytes,
                      double threadsPeak, double serverPeakInFlight, double pinnedEvents, double coldMs,
                      double quietMs, double serviceP99Ms) {

    public static final Metrics NONE = builder().build();

    /** ideal / measured: 1.0 is the scenario's lower bound; NaN when either is unknown. */
    public double efficiency() {
        return idealMs / timeMs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.samples = samples; b.timeMs = timeMs; b.timeErrorMs = timeErrorMs; b.idealMs = idealMs;
        b.p50Ms = p50Ms; b.p99Ms = p99Ms; b.maxMs = maxMs;
        b.cpuMsPerOp = cpuMsPerOp; b.allocBytesPerOp = allocBytesPerOp;
        b.rssPeakMb = rssPeakMb; b.rssPerTaskBytes = rssPerTaskBytes; b.heapPerTaskBytes = heapPerTaskBytes;
        b.threadsPeak = threadsPeak; b.serverPeakInFlight = serverPeakInFlight; b.pinnedEvents = pinnedEvents;
        b.coldMs = coldMs; b.quietMs = quietMs; b.serviceP99Ms = serviceP99Ms;
        return b;
    }

    /** Fills a {@link Metrics} field by field; everything not set stays NaN. */
    public static final class Builder {
        private double samples = Double.NaN, timeMs = Double.NaN, timeErrorMs = Double.NaN, idealMs = Double.NaN;
        private double p50Ms = Double.NaN, p99Ms = Double.NaN, maxMs = Double.NaN;
        private double cpuMsPerOp = Double.NaN, allocBytesPerOp = Double.NaN;
        private double rssPeakMb = Double.NaN, rssPerTaskBytes = Double.NaN, heapPerTaskBytes = Double.NaN;
        private double threadsPeak = Double.NaN, serverPeakInFlight = Double.NaN, pinnedEvents = Double.NaN;
        private double coldMs = Double.NaN, quietMs = Double.NaN, serviceP99Ms = Double.NaN;

        private Builder() {
        }

        public Builder samples(double v) { samples = v; return this; }
        public Builder time(double ms, double errorMs) { timeMs = ms; timeErrorMs = errorMs; return this; }
        public Builder idealMs(double v) { idealMs = v; return this; }
        public Builder latency(double p50, double p99, double max) { p50Ms = p50; p99Ms = p99; maxMs = max; return this; }
        public Builder cpuMsPerOp(double v) { cpuMsPerOp = v; return this; }
        public Builder allocBytesPerOp(double v) { allocBytesPerOp = v; return this; }
        public Builder rssPeakMb(double v) { rssPeakMb = v; return this; }
        public Builder rssPerTaskBytes(double v) { rssPerTaskBytes = v; return this; }
        public Builder heapPerTaskBytes(double v) { heapPerTaskBytes = v; return this; }
        public Builder threadsPeak(double v) { threadsPeak = v; return this; }
        public Builder serverPeakInFlight(double v) { serverPeakInFlight = v; return this; }
        public Builder pinnedEvents(double v) { pinnedEvents = v; return this; }
        public Builder coldMs(double v) { coldMs = v; return this; }
        public Builder quietMs(double v) { quietMs = v; return this; }
        public Builder serviceP99Ms(double v) { serviceP99Ms = v; return this; }

        public Metrics build() {
            return new Metrics(samples, timeMs, timeErrorMs, idealMs, p50Ms, p99Ms, maxMs, cpuMsPerOp, allocBytesPerOp,
                    rssPeakMb, rssPerTaskBytes, heapPerTaskBytes, threadsPeak, serverPeakInFlight, pinnedEvents, coldMs, quietMs, serviceP99Ms);
        }
    }
}
