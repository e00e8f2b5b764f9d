package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol.Property;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ./suite testbed}: the HTTP testbed server and the database, started as a run starts
 * them and kept up until Ctrl-C (or SIGTERM), with their addresses and the {@code run} flags
 * that use them printed on stdout, so that the models can be measured from another shell or
 * another machine. Stopped and removed in order at the end, as after a run.
 */
public final class StandaloneTestbed {

    private StandaloneTestbed() {
    }

    /** Serves until a signal; returns the exit code (128 + the signal's number). */
    public static int serve(PrintStream out, PrintStream err, String host, String db, String dbUser, String dbPassword, Path logs) {
        Progress progress = new Progress(err, false, 0, 0);
        Interruption stop = Interruption.install(progress::note, "the testbed is stopped and removed");
        try (stop; TestbedProcesses testbed = new TestbedProcesses(stop, RunFolder.current(), dev.asyncbench.core.io.TestbedClient.Transport.DEFAULT)) {
            Files.createDirectories(logs);
            progress.note("starting the HTTP testbed server (its own JVM) ...");
            String uri = testbed.startServer(logs, host);
            progress.note("starting the testbed database (" + db + ") ...");
            testbed.startDatabase(db, dbUser, dbPassword, logs, host);
            Map<Property, String> p = testbed.forkProperties(true, true);
            out.println("HTTP testbed server: " + uri);
            out.println("database: " + testbed.dbDescription() + " at " + p.get(Property.DB));
            StringBuilder flags = new StringBuilder("--http " + uri + " --db '" + p.get(Property.DB) + "'");
            if (p.containsKey(Property.DB_USER)) flags.append(" --db-user ").append(p.get(Property.DB_USER));
            if (p.containsKey(Property.DB_PASSWORD)) flags.append(" --db-password ").append(p.get(Property.DB_PASSWORD));
            out.println("to measure against them, from another shell: ./suite run " + flags + " ...");
            if (!TestbedAddress.loopback(host)) {
                err.println("warning: the testbed listens on " + host + ", reachable from other machines: the HTTP server serves anyone"
                        + " who can reach its port, with no authentication, and PostgreSQL lets in any host with the password above"
                        + " (H2 stays on 127.0.0.1)");
            }
            out.flush();
            progress.note("serving until Ctrl-C (logs in " + logs + ") ...");
            while (!stop.requested()) Thread.sleep(200);
            return stop.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.io.IOException e) {
            throw new RunProblem("cannot make the logs folder " + logs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (stop.requested()) return stop.exitCode();
            throw new RunProblem("the testbed did not start: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        }
    }
}
