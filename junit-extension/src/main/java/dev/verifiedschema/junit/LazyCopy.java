package dev.verifiedschema.junit;

import dev.verifiedschema.provision.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A copy of the verified database made on first use, for a method with isolation per method or for what
 * runs outside the methods of such a class; closing it gives the copy back, if one was made. It is put in
 * the store before the activation that hands it out, so the store (which closes in reverse order) ends
 * the activation first and no thread is given a copy that is being dropped.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit 5.12 (Spring Boot 3.5) closes only those
final class LazyCopy implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final PostgresServer server;
    private final Verification verification;
    private TestDatabase database;
    private boolean closed;

    LazyCopy(PostgresServer server, Verification verification) {
        this.server = server;
        this.verification = verification;
    }

    synchronized TestDatabase get() {
        if (closed) {
            throw new IllegalStateException("The test that owned this database copy has ended; ask for a "
                    + "connection while a @VerifiedSchema test runs");
        }
        if (database == null) {
            database = new TestDatabase(server, verification);
        }
        return database;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (database != null) {
            database.close();
        }
    }
}
