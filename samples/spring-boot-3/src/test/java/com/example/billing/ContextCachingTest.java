package com.example.billing;

import dev.verifiedschema.junit.JdbcUrl;
import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Spring's context cache still works: two test classes with the same configuration share one started
 * application, and each of them works on a database copy of its own; a class with other {@code @VerifiedSchema}
 * attributes gets a context of its own. When the classes end, their copies are dropped, on JUnit 5.12 too
 * (Spring Boot 3.5's, which closes only the stored values that are {@code CloseableResource}s).
 */
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
class ContextCachingTest {
    static final List<ApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    static final List<String> DATABASES = new CopyOnWriteArrayList<>();
    static final List<String> URLS = new CopyOnWriteArrayList<>();

    @Test
    void classesWithTheSameConfigurationShareOneContextButNotADatabase() throws SQLException {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class), selectClass(OtherClass.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));

        assertThat(CONTEXTS).hasSize(3);
        assertThat(CONTEXTS.get(0)).isSameAs(CONTEXTS.get(1));
        assertThat(CONTEXTS.get(2)).as("the context of other @VerifiedSchema attributes").isNotSameAs(CONTEXTS.get(0));
        assertThat(DATABASES).hasSize(3).doesNotHaveDuplicates();
        assertThat(copiesLeft()).as("copies left after their classes ended").isEmpty();
    }

    /** The recorded copies the server still has (this class's own @VerifiedSchema keeps the server running). */
    private static List<String> copiesLeft() throws SQLException {
        String url = URLS.get(0).replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        List<String> left = new java.util.ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection(url);
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "SELECT datname FROM pg_database WHERE datname = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", DATABASES.toArray()));
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    left.add(rows.getString(1));
                }
            }
        }
        return left;
    }

    abstract static class Recorder {
        @Autowired
        ApplicationContext context;
        @Autowired
        DataSource dataSource;
        @Autowired
        AccountRepository accounts;

        @Test
        void record(@JdbcUrl String url) throws SQLException {
            accounts.save(Account.of("shared@example.com")); // unique: a second class on the same copy would fail
            CONTEXTS.add(context);
            URLS.add(url);
            try (Connection connection = dataSource.getConnection()) {
                DATABASES.add(connection.getCatalog());
            }
        }
    }

    @VerifiedSchema(contract = "classpath:billing-contract.yaml")
    @SpringBootTest
    static class FirstClass extends Recorder {
    }

    @VerifiedSchema(contract = "classpath:billing-contract.yaml")
    @SpringBootTest
    static class SecondClass extends Recorder {
    }

    @VerifiedSchema(contract = "classpath:billing-contract.yaml", fullDowngrade = VerifiedSchema.Toggle.OFF)
    @SpringBootTest
    static class OtherClass extends Recorder {
    }
}
