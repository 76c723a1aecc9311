package dev.verifiedschema.junit;

import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.SharedServers;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extension behind {@link VerifiedSchema}. A lease on the JVM's shared server lives in the root
 * store (the server stops when the run ends), each verified migration set in the root store under its content
 * hash, and each test database in the class or method store; the stores close them all.
 *
 * <p>The class's database becomes the {@link ActiveDatabase} in this extension's {@code beforeAll} (before the
 * instance is made with {@code @TestInstance(PER_CLASS)}), and each method's database (with isolation per
 * method, its own copy) on the method's thread before that method's instance is made; so a framework context
 * that starts while the instance is prepared, and a transaction that another extension's {@code beforeEach}
 * begins, both see the right one. What another extension does in its own {@code beforeAll}, and with
 * {@code PER_CLASS} in its {@code beforeEach}, sees it only when {@code @VerifiedSchema} is listed first.
 */
public final class VerifiedSchemaExtension implements BeforeAllCallback, TestInstancePreConstructCallback,
        BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(VerifiedSchemaExtension.class);
    private static final String SETTINGS = "settings";
    private static final String VERIFICATION = "verification";
    private static final String PROBLEM = "problem";
    private static final String DATABASE = "database";
    private static final String ACTIVE = "active";
    private static final String PREPARED = "prepared";
    private static final List<Class<?>> SUPPORTED = List.of(DataSource.class, Connection.class, SchemaSnapshot.class,
            StairwayReport.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        prepare(context);
    }

    /** The method's instance is made with the method's context, so its copy is active before any callback. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            prepare(context); // @TestInstance(PER_CLASS): the instance, and a framework context with it, come first
        }
        // a failed verification fails the test here, before a framework context starts without a database
        failIfNotVerified(context);
        if (context.getTestMethod().isPresent()) {
            activateForMethod(context);
        }
    }

    /**
     * Verifies (once per migration set and JVM) and gives the class its database; runs once per class. A
     * {@code @Nested} class without an annotation of its own uses the enclosing class's database; one with
     * its own is prepared as a class of its own.
     */
    private static void prepare(ExtensionContext context) {
        ExtensionContext.Store classStore = context.getStore(NAMESPACE);
        Class<?> testClass = context.getRequiredTestClass();
        String prepared = PREPARED + ":" + testClass.getName();
        if (classStore.get(prepared) != null) {
            return;
        }
        Optional<VerifiedSchema> own = AnnotationSupport.findAnnotation(testClass, VerifiedSchema.class);
        if (own.isEmpty() && (classStore.get(SETTINGS) != null || classStore.get(PROBLEM) != null)) {
            return;
        }
        classStore.put(prepared, Boolean.TRUE);
        try {
            VerifiedSchema annotation = own.orElseThrow(() -> new ExtensionConfigurationException(
                    testClass.getName() + " uses VerifiedSchemaExtension without @VerifiedSchema; "
                            + "annotate the class with @VerifiedSchema instead of @ExtendWith"));
            Map<String, String> conventions = context.getConfigurationParameter(VerifiedSchema.CONVENTIONS_KEY)
                    .map(v -> Settings.bool(VerifiedSchema.CONVENTIONS_KEY, v)).orElse(true)
                    ? conventions(testClass) : Map.of();
            Set<String> names = new TreeSet<>(ParameterNames.flywayCandidates());
            names.addAll(conventions.keySet());
            Settings settings = Settings.resolve(annotation, key -> context.getConfigurationParameter(key)
                    .or(() -> Optional.ofNullable(conventions.get(key))), names);
            classStore.put(SETTINGS, settings);
            // the server starts while the scripts, contract and fixtures are read (the first class of a JVM)
            ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
            ServerLease lease = root.getOrComputeIfAbsent(settings.server(),
                    s -> new ServerLease(SharedServers.acquireInBackground((ServerSettings) s)), ServerLease.class);
            Verification.Inputs inputs = Verification.Inputs.load(settings);
            PostgresServer server = lease.server();
            Verification verification = root.getOrComputeIfAbsent(
                    VERIFICATION + ":" + server.description() + ":" + inputs.key(),
                    k -> Verification.run(server, inputs), Verification.class);
            classStore.put(VERIFICATION, new Shared(verification));
            if (verification.failure() == null) {
                if (settings.isolatePerMethod()) {
                    // what runs outside a method (a framework context starting) gets a copy of its own, made on demand
                    LazyCopy outside = new LazyCopy(server, verification);
                    classStore.put(DATABASE + ":outside-methods", outside);
                    classStore.put(ACTIVE, ActiveDatabase.activate(() -> outside.get().dataSource()));
                } else {
                    TestDatabase database = new TestDatabase(server, verification);
                    classStore.put(DATABASE, database);
                    classStore.put(ACTIVE, ActiveDatabase.activate(database::dataSource));
                }
            }
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            classStore.put(PROBLEM, e);
        }
    }

    /** What the frameworks on the class path ({@link FrameworkConventions}) say for this class. */
    private static Map<String, String> conventions(Class<?> testClass) {
        Map<String, String> merged = new HashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (FrameworkConventions conventions : ServiceLoader.load(FrameworkConventions.class,
                loader != null ? loader : VerifiedSchemaExtension.class.getClassLoader())) {
            try {
                conventions.parameters(testClass).forEach(merged::putIfAbsent);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(e.getMessage() + "\nFix it, or give the settings in "
                        + "@VerifiedSchema or verifiedschema.* parameters and set " + VerifiedSchema.CONVENTIONS_KEY
                        + "=false.", e);
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException(conventions.getClass().getName() + " failed to give the "
                        + "settings of its framework's configuration for " + testClass.getName() + ": " + e
                        + "\nSet " + VerifiedSchema.CONVENTIONS_KEY + "=false to do without them.", e);
            }
        }
        return merged;
    }

    /**
     * While a method runs, its database is active on its thread: the class's, or with isolation per method the
     * method's copy (made on first use). Done before the method's instance is made, and again in
     * {@code beforeEach} for {@code @TestInstance(PER_CLASS)}, where no instance is made per method.
     */
    private static void activateForMethod(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Settings settings = store.get(SETTINGS, Settings.class);
        Verification verification = verification(context);
        if (settings == null || verification == null || verification.failure() != null
                || store.get(ACTIVE + ":method") != null) {
            return;
        }
        java.util.function.Supplier<DataSource> source;
        if (settings.isolatePerMethod()) {
            LazyCopy copy = methodCopy(context);
            source = () -> copy.get().dataSource();
        } else {
            TestDatabase database = store.get(DATABASE, TestDatabase.class);
            if (database == null) {
                return;
            }
            source = database::dataSource;
        }
        store.put(ACTIVE + ":method", ActiveDatabase.activate(source));
    }

    private static LazyCopy methodCopy(ExtensionContext context) {
        Settings settings = context.getStore(NAMESPACE).get(SETTINGS, Settings.class);
        Verification verification = verification(context);
        PostgresServer server = context.getRoot().getStore(NAMESPACE).get(settings.server(), ServerLease.class).server();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(DATABASE + ":method",
                k -> new LazyCopy(server, verification), LazyCopy.class);
    }

    /** A failed verification or configuration fails every test of the class with the same message. */
    @Override
    public void beforeEach(ExtensionContext context) {
        failIfNotVerified(context);
        if (context.getTestMethod().isPresent()) {
            activateForMethod(context); // @TestInstance(PER_CLASS): no instance is made per method
        }
    }

    private static void failIfNotVerified(ExtensionContext context) {
        RuntimeException problem = context.getStore(NAMESPACE).get(PROBLEM, RuntimeException.class);
        if (problem != null) {
            throw new SchemaVerificationException(problem.getMessage(), problem);
        }
        Verification verification = verification(context);
        if (verification != null && verification.failure() != null) {
            throw new SchemaVerificationException(verification.failure().getMessage(), verification.failure());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == String.class) {
            return parameter.isAnnotated(JdbcUrl.class);
        }
        return SUPPORTED.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Verification verification = verification(context);
        if (verification == null || verification.failure() != null) {
            throw new ParameterResolutionException("No verified database for " + parameter.getParameter()
                    + ": the schema verification of this class did not succeed (see the test failure)");
        }
        if (type == StairwayReport.class) {
            return verification.report();
        }
        if (type == SchemaSnapshot.class) {
            return verification.head();
        }
        TestDatabase database = database(context);
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == String.class) {
            return database.jdbcUrl();
        }
        try {
            Connection connection = database.dataSource().getConnection();
            context.getStore(NAMESPACE).put(new Object(), new Closer(connection));
            return connection;
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not open a connection to test database "
                    + database.name() + ": " + e.getMessage(), e);
        }
    }

    /** The JVM's claim on the shared server, closed with the run (JUnit 5.12 closes only a CloseableResource). */
    @SuppressWarnings("deprecation")
    private record ServerLease(SharedServers.PendingLease lease) implements ExtensionContext.Store.CloseableResource,
            AutoCloseable {
        /** The server, once it has started; what stopped it from starting, if it did not. */
        PostgresServer server() {
            return lease.lease().server();
        }

        @Override
        public void close() {
            lease.close();
        }
    }

    /** A connection given to a test, closed with its method. */
    @SuppressWarnings("deprecation")
    private record Closer(Connection connection) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The class's view of a verification owned by the root store; not closed with the class. */
    private record Shared(Verification verification) {
    }

    private static Verification verification(ExtensionContext context) {
        Shared shared = context.getStore(NAMESPACE).get(VERIFICATION, Shared.class);
        return shared == null ? null : shared.verification();
    }

    /** The class's database, or with isolation per method a fresh copy for this method. */
    private static TestDatabase database(ExtensionContext context) {
        Settings settings = context.getStore(NAMESPACE).get(SETTINGS, Settings.class);
        if (settings.isolatePerMethod() && context.getTestMethod().isPresent()) {
            return methodCopy(context).get();
        }
        TestDatabase database = context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class);
        if (database == null) {
            throw new ParameterResolutionException("With isolation 'method', databases are only given to test "
                    + "methods (and, with the default lifecycle, to the constructor), not to @BeforeAll methods or a "
                    + "constructor under @TestInstance(PER_CLASS)");
        }
        return database;
    }
}
