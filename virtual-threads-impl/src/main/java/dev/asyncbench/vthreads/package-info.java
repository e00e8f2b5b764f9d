/**
 * The {@code virtual-threads} model: a virtual thread per task, plain blocking IO, and
 * structured concurrency where a scenario is about a group of tasks.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Plain blocking calls ({@code TestbedClient.send}, JDBC through {@code OrdersRepository},
 *       {@code Files} and {@code FileChannel}), each on a virtual thread of its own from
 *       {@code Executors.newVirtualThreadPerTaskExecutor()}. A blocked virtual thread unmounts
 *       from its carrier, so waiting costs about a kilobyte of heap, not a platform thread.
 *   <li>Limits as {@code Semaphore}s, not pools: C permits from the scenario's spec where C
 *       applies, and P permits (the connection pool's size, one Semaphore per repository)
 *       around every database call.
 *   <li>{@code StructuredTaskScope} for gather (fail-fast: {@code Joiner.allSuccessfulOrThrow};
 *       collect-all: {@code Joiner.awaitAll}), timeout ({@code Configuration.withTimeout}) and
 *       race ({@code Joiner.anySuccessfulResultOrThrow}).
 *   <li>No {@code synchronized} around a blocking call. Since JDK 24 (JEP 491) a virtual thread
 *       blocking inside {@code synchronized} no longer pins its carrier anyway; file IO still
 *       holds one for the length of the system call (see {@link dev.asyncbench.vthreads.FileDigests}).
 * </ul>
 *
 * <h2>Preview features: the flags</h2>
 * {@code StructuredTaskScope} is a preview API in JDK 25 (JEP 505, fifth preview), so:
 * <ul>
 *   <li>Compiling: this module's pom passes {@code --enable-preview} (and
 *       {@code -Xlint:-preview}) to javac; no other module does. javac marks only the class
 *       files that use a preview API as preview-dependent (version 69.65535): here
 *       {@code Gather}, {@code Timeout} and {@code Race}. Everything else in the suite is
 *       ordinary Java 25.
 *   <li>Running: every JVM that loads this model needs {@code --enable-preview}: this
 *       module's tests (surefire's {@code argLine} in its pom), the bench's forks and the suite
 *       launcher, which pass it to every JVM alike so that no model runs on different flags.
 *       A preview class file only runs on the JDK feature release that compiled it (25).
 *   <li>Without the flag: {@code new VirtualThreadsModel()} loads those three classes at once
 *       and fails with an {@code IllegalStateException} saying "virtual-threads needs
 *       --enable-preview" (its cause: the JVM's {@code UnsupportedClassVersionError}).
 *       Through {@code ServiceLoader} that becomes a {@code ServiceConfigurationError}, which
 *       {@code Models} turns into a line of {@code Models.unavailable()}; every other model
 *       still runs.
 * </ul>
 */
package dev.asyncbench.vthreads;
