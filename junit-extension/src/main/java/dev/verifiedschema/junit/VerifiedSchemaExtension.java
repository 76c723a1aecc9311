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
 * <p>The class's database becomes the {@link ActiveDatabase} before anything else of the class runs (before
 * its instance is made with {@code @TestInstance(PER_CLASS)}), and with isolation per method each method's
 * copy before that method's instance is made; so a framework context that starts while the instance is
 * prepared, and a transaction that another extension's {@code beforeEach} begins, both see the right one.
 */
public final class VerifiedSchemaExtension implements BeforeAllCallback, TestInstancePreConstructCallback,
        BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(VerifiedSchemaExtension.class);
    private static final String SETTINGS = "settings";
    private static final String VERIFICATION = "verification";
    private static final String PROBLEM = "problem";
    private static final String DATABASE = "database";
    private static final String ACTIVE = "active";
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
            activateMethodDatabase(context);
        }
    }

    /** Verifies (once per migration set and JVM) and gives the class its database; runs once per class. */
    private static void prepare(ExtensionContext context) {
        ExtensionContext.Store classStore = context.getStore(NAMESPACE);
        if (classStore.get(SETTINGS) != null || classStore.get(PROBLEM) != null) {
            return;
        }
        try {
            Class<?> testClass = context.getRequiredTestClass();
            VerifiedSchema annotation = AnnotationSupport.findAnnotation(testClass,
                    VerifiedSchema.class).orElseThrow(() -> new ExtensionConfigurationException(
                    testClass.getName() + " uses VerifiedSchemaExtension without @VerifiedSchema; "
                            + "annotate the class with @VerifiedSchema instead of @ExtendWith"));
            Map<String, String> conventions = conventions(testClass);
            Set<String> names = new TreeSet<>(ParameterNames.flywayCandidates());
            names.addAll(conventions.keySet());
            Settings settings = Settings.resolve(annotation, key -> context.getConfigurationParameter(key)
                    .or(() -> Optional.ofNullable(conventions.get(key))), names);
            classStore.put(SETTINGS, settings);
            Verification.Inputs inputs = Verification.Inputs.load(settings);
            ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
            PostgresServer server = root.getOrComputeIfAbsent(settings.server(),
                    s -> new ServerLease(SharedServers.acquire((ServerSettings) s)), ServerLease.class).server();
            Verification verification = root.getOrComputeIfAbsent(
                    VERIFICATION + ":" + server.description() + ":" + inputs.key(),
                    k -> Verification.run(server, inputs), Verification.class);
            classStore.put(VERIFICATION, new Shared(verification));
            if (verification.failure() == null) {
                if (settings.isolatePerMethod()) {
                    // what runs outside a method (a framework context starting) gets a copy of its own, made on demand
                    classStore.put(ACTIVE, ActiveDatabase.activate(() -> classStore.getOrComputeIfAbsent(
                            DATABASE + ":outside-methods", k -> new TestDatabase(server, verification),
                            TestDatabase.class).dataSource()));
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
                throw new ExtensionConfigurationException(e.getMessage(), e);
            }
        }
        return merged;
    }

    /** With isolation per method, the method's copy (made on first use) is active while the method runs. */
    private static void activateMethodDatabase(ExtensionContext context) {
        Settings settings = context.getStore(NAMESPACE).get(SETTINGS, Settings.class);
        Verification verification = verification(context);
        if (settings == null || !settings.isolatePerMethod() || verification == null
                || verification.failure() != null || context.getStore(NAMESPACE).get(ACTIVE + ":method") != null) {
            return;
        }
        context.getStore(NAMESPACE).put(ACTIVE + ":method",
                ActiveDatabase.activate(() -> database(context).dataSource()));
    }

    /** A failed verification or configuration fails every test of the class with the same message. */
    @Override
    public void beforeEach(ExtensionContext context) {
        failIfNotVerified(context);
        if (context.getTestMethod().isPresent()) {
            activateMethodDatabase(context); // @TestInstance(PER_CLASS): no instance is made per method
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
    private record ServerLease(SharedServers.Lease lease) implements ExtensionContext.Store.CloseableResource,
            AutoCloseable {
        PostgresServer server() {
            return lease.server();
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
            Verification verification = verification(context);
            PostgresServer server = context.getRoot().getStore(NAMESPACE).get(settings.server(),
                    ServerLease.class).server();
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(DATABASE + ":method",
                    k -> new TestDatabase(server, verification), TestDatabase.class);
        }
        TestDatabase database = context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class);
        if (database == null) {
            throw new ParameterResolutionException("With isolation 'method', databases are only given to test "
                    + "methods, not to constructors or @BeforeAll methods");
        }
        return database;
    }
}
