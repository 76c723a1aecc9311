package com.example.billing;

import dev.verifiedschema.junit.JdbcUrl;
import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @Nested} class uses the enclosing class's database and Spring context; one with a
 * {@code @VerifiedSchema} of its own gets its own database and its own context.
 */
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
@SpringBootTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NestedClassesTest {
    static String enclosingDatabase;
    static ApplicationContext enclosingContext;

    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;

    @Test
    @Order(1)
    void theEnclosingClassRecordsItsDatabase() throws SQLException {
        enclosingDatabase = catalog(dataSource);
        enclosingContext = context;
    }

    @Nested
    class WithoutAnAnnotationOfItsOwn {
        @Autowired
        DataSource nestedDataSource;
        @Autowired
        ApplicationContext nestedContext;

        @Test
        void itSharesTheEnclosingDatabaseAndContext(@JdbcUrl String url) throws SQLException {
            assertThat(catalog(nestedDataSource)).isEqualTo(enclosingDatabase).isEqualTo(database(url));
            assertThat(nestedContext).isSameAs(enclosingContext);
        }
    }

    @Nested
    @VerifiedSchema(contract = "classpath:billing-contract.yaml", fullDowngrade = VerifiedSchema.Toggle.OFF)
    class WithItsOwnAnnotation {
        @Autowired
        DataSource nestedDataSource;
        @Autowired
        ApplicationContext nestedContext;

        @Test
        void itGetsADatabaseAndAContextOfItsOwn(@JdbcUrl String url) throws SQLException {
            assertThat(catalog(nestedDataSource)).isNotEqualTo(enclosingDatabase).isEqualTo(database(url));
            assertThat(nestedContext).isNotSameAs(enclosingContext);
        }
    }

    private static String catalog(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getCatalog();
        }
    }

    private static String database(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    }
}
