package dev.asyncbench.bench;

import dev.asyncbench.bench.run.BadInput;
import dev.asyncbench.bench.run.StandaloneTestbed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** Starts the testbed on its own and keeps it up until Ctrl-C, printing the flags that point a run at it. */
@Command(name = "testbed", description = {
        "Starts the HTTP testbed server and the database, prints their addresses and the 'run' flags that use them",
        "(--http, --db, --db-user, --db-password), and serves until Ctrl-C, which stops and removes them.",
        "Example: ./suite testbed   then, in another shell: ./suite run --http http://127.0.0.1:PORT --db 'jdbc:...' ..."})
final class TestbedCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Where the HTTP server and a PostgreSQL it starts listen "
            + "(default: ${DEFAULT-VALUE}; another address, e.g. 0.0.0.0, lets another machine reach them: opt-in, with a warning; "
            + "the printed addresses are then this machine's; H2 stays on 127.0.0.1)")
    String bind = "127.0.0.1";

    @Option(names = "--db", paramLabel = "auto|postgres|h2", description = "The database to start (default: ${DEFAULT-VALUE})")
    String db = "auto";

    @Option(names = "--logs", paramLabel = "DIR", description = "Where the testbed's logs go (default: results/testbed-<timestamp>)")
    Path logs;

    @Override
    public Integer call() {
        if (!db.equals("auto") && !db.equals("postgres") && !db.equals("h2")) {
            throw new BadInput("testbed --db must be auto, postgres or h2, was '" + db + "'");
        }
        if (!bind.matches("[0-9.]+|[0-9a-fA-F:]+|localhost")) throw new BadInput("--bind must be an IP address, was '" + bind + "'");
        Path dir = logs != null ? logs
                : Path.of("results", "testbed-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")));
        return StandaloneTestbed.serve(cli.out, cli.err, bind, db, null, null, dir);
    }
}
