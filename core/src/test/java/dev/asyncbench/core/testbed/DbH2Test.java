package dev.asyncbench.core.testbed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on H2 in TCP server mode, reached over a socket by the real H2 driver. */
class DbH2Test extends DbContractTest {

    @Override
    DatabaseChoice choice() {
        return DatabaseChoice.parse("h2", null, null);
    }

    @Override
    boolean available() {
        return true;
    }

    @Override
    String descriptionPattern() {
        return "H2 2\\.\\d+\\.\\d+ \\(TCP server\\)";
    }

    @Override
    String emptyDatabaseUrl() {
        return "jdbc:h2:mem:empty-" + TestbedDatabase.randomToken(4) + ";DB_CLOSE_DELAY=-1"; // in-process
    }

    @Test
    void clientsConnectOverLoopbackTcp() {
        assertTrue(db.jdbcUrl().matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/mem:asyncbench-[0-9a-f]+"), db.jdbcUrl());
    }
}
