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
import org.junit.platform.commons.support.AnnotationSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The extension behind {@link VerifiedSchema}. A lease on the JVM's shared server lives in the root
 * store (the server stops when the run ends), each verified migration set in the root store under its content
 * hash, and each test database in the class or method store; the stores close them all.
 */
public final class VerifiedSchemaExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(VerifiedSchemaExtension.class);
    private static final String SETTINGS = "settings";
    private static final String VERIFICATION = "verification";
    private static final String PROBLEM = "problem";
    private static final String DATABASE = "database";
    private static final List<Class<?>> SUPPORTED = List.of(DataSource.class, Connection.class, SchemaSnapshot.class,
            StairwayReport.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store classStore = context.getStore(NAMESPACE);
        try {
            VerifiedSchema annotation = AnnotationSupport.findAnnotation(context.getRequiredTestClass(),
                    VerifiedSchema.class).orElseThrow(() -> new ExtensionConfigurationException(
                    context.getRequiredTestClass().getName() + " uses VerifiedSchemaExtension without @VerifiedSchema; "
                            + "annotate the class with @VerifiedSchema instead of @ExtendWith"));
            Settings settings = Settings.resolve(annotation, context::getConfigurationParameter,
                    ParameterNames.flywayCandidates());
            classStore.put(SETTINGS, settings);
            Verification.Inputs inputs = Verification.Inputs.load(settings);
            ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
            PostgresServer server = root.getOrComputeIfAbsent(settings.server(),
                    s -> SharedServers.acquire((ServerSettings) s), SharedServers.Lease.class).server();
            Verification verification = root.getOrComputeIfAbsent(
                    VERIFICATION + ":" + server.description() + ":" + inputs.key(),
                    k -> Verification.run(server, inputs), Verification.class);
            classStore.put(VERIFICATION, new Shared(verification));
            if (verification.failure() == null && !settings.isolatePerMethod()) {
                classStore.put(DATABASE, new TestDatabase(server, verification));
            }
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            classStore.put(PROBLEM, e);
        }
    }

    /** A failed verification or configuration fails every test of the class with the same message. */
    @Override
    public void beforeEach(ExtensionContext context) {
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
            context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) connection::close);
            return connection;
        } catch (SQLException e) {
            throw new ParameterResolutionException("Could not open a connection to test database "
                    + database.name() + ": " + e.getMessage(), e);
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
    private TestDatabase database(ExtensionContext context) {
        Settings settings = context.getStore(NAMESPACE).get(SETTINGS, Settings.class);
        if (settings.isolatePerMethod() && context.getTestMethod().isPresent()) {
            Verification verification = verification(context);
            PostgresServer server = context.getRoot().getStore(NAMESPACE).get(settings.server(),
                    SharedServers.Lease.class).server();
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
