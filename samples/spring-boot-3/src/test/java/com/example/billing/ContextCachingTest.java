package com.example.billing;

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
 * application, and each of them works on a database copy of its own.
 */
class ContextCachingTest {
    static final List<ApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    static final List<String> DATABASES = new CopyOnWriteArrayList<>();

    @Test
    void classesWithTheSameConfigurationShareOneContextButNotADatabase() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(CONTEXTS).hasSize(2);
        assertThat(CONTEXTS.get(0)).isSameAs(CONTEXTS.get(1));
        assertThat(DATABASES).hasSize(2).doesNotHaveDuplicates();
    }

    abstract static class Recorder {
        @Autowired
        ApplicationContext context;
        @Autowired
        DataSource dataSource;
        @Autowired
        AccountRepository accounts;

        @Test
        void record() throws SQLException {
            accounts.save(Account.of("shared@example.com")); // unique: a second class on the same copy would fail
            CONTEXTS.add(context);
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
}
