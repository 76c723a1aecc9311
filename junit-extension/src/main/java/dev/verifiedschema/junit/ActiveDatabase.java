package dev.verifiedschema.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The verified database of the {@link VerifiedSchema @VerifiedSchema} test that is running now, for an
 * integration that routes a framework's own {@link DataSource} to it (the Spring Boot module does: the
 * application context's data source follows the test class, or with {@link VerifiedSchema.Isolation#METHOD}
 * the test method, that runs).
 *
 * <p>The database is the one of the test running on the calling thread; a thread that runs no test (a
 * pool thread of the application, say) gets the database of the test that became active last. With tests
 * running in parallel, only the calling thread's answer is exact.
 */
public final class ActiveDatabase {
    /** Every open activation, newest last; one closed out of order leaves the others as they were. */
    private static final Deque<Activation> OPEN = new ArrayDeque<>();

    private ActiveDatabase() {
    }

    /**
     * The data source of the verified database of the running test, or empty when no {@code @VerifiedSchema}
     * test is running (or its verification failed). A database copy that isolation per method makes is
     * created on the first call during the method.
     *
     * @throws IllegalStateException when the copy cannot be made (the server is gone) or its test has ended
     */
    public static Optional<DataSource> dataSource() {
        Supplier<DataSource> source = null;
        synchronized (OPEN) {
            Thread thread = Thread.currentThread();
            for (Iterator<Activation> newestFirst = OPEN.descendingIterator(); newestFirst.hasNext(); ) {
                Activation activation = newestFirst.next();
                if (activation.thread == thread) {
                    source = activation.source;
                    break;
                }
            }
            if (source == null && !OPEN.isEmpty()) {
                source = OPEN.getLast().source;
            }
        }
        return source == null ? Optional.empty() : Optional.of(source.get());
    }

    /** Makes {@code source} the active database on this thread until the returned activation is closed. */
    static Activation activate(Supplier<DataSource> source) {
        Activation activation = new Activation(source, Thread.currentThread());
        synchronized (OPEN) {
            OPEN.addLast(activation);
        }
        return activation;
    }

    /** Ends one activation; the store of the class or method that made it closes it. */
    @SuppressWarnings("deprecation") // CloseableResource: JUnit 5.12 (Spring Boot 3.5) closes only those
    static final class Activation implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Supplier<DataSource> source;
        private final Thread thread;

        private Activation(Supplier<DataSource> source, Thread thread) {
            this.source = source;
            this.thread = thread;
        }

        @Override
        public void close() {
            synchronized (OPEN) {
                OPEN.removeFirstOccurrence(this);
            }
        }
    }
}
