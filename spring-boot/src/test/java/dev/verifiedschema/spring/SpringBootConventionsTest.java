package dev.verifiedschema.spring;

import dev.verifiedschema.junit.VerifiedSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** spring.flyway.* is read as the test's context will read it (src/test/resources/application*.yml). */
class SpringBootConventionsTest {
    private static final String CURRENCY = VerifiedSchema.FLYWAY_PREFIX + "placeholders.default_currency";

    private final SpringBootConventions conventions = new SpringBootConventions();

    @SpringBootTest
    static class PlainTest {
    }

    static class NotASpringTest {
    }

    @SpringBootTest
    @ActiveProfiles("eu")
    static class EuropeanTest {
    }

    @SpringBootTest
    @TestPropertySource(locations = "classpath:extra-flyway.properties")
    static class TestPropertySourceFileTest {
    }

    @SpringBootTest(properties = "spring.flyway.placeholders.default_currency=JPY")
    static class PropertiesOfTheTestAnnotation {
    }

    @SpringBootTest
    @TestPropertySource(properties = "spring.flyway.locations=classpath:db/elsewhere")
    static class TestPropertySourceTest {
    }

    @SpringBootTest
    @ActiveProfiles("broken")
    static class BrokenProfileTest {
    }

    @Test
    void locationsPlaceholdersAndFlywaySettingsComeFromApplicationYml() {
        Map<String, String> parameters = conventions.parameters(PlainTest.class);

        assertThat(parameters).containsEntry(VerifiedSchema.MIGRATIONS_KEY,
                        "classpath:db/postgresql/billing,filesystem:extra/migrations")
                .containsEntry(CURRENCY, "USD")
                .containsEntry(VerifiedSchema.FLYWAY_PREFIX + "sqlMigrationPrefix", "M")
                .containsEntry(VerifiedSchema.FLYWAY_PREFIX + "mixed", "true");
    }

    @Test
    void aClassThatIsNotASpringTestGetsTheApplicationsConfigurationToo() {
        assertThat(conventions.parameters(NotASpringTest.class)).containsEntry(CURRENCY, "USD")
                .containsEntry(VerifiedSchema.MIGRATIONS_KEY, "classpath:db/postgresql/billing,filesystem:extra/migrations");
    }

    @Test
    void initSqlsAreJoinedAsSpringBootJoinsThemForFlyway() {
        assertThat(conventions.parameters(PlainTest.class)).containsEntry(VerifiedSchema.FLYWAY_PREFIX + "initSql",
                "SET lock_timeout = '5s'\nSET statement_timeout = '60s'");
    }

    @Test
    void aTestPropertySourceFileIsRead() {
        assertThat(conventions.parameters(TestPropertySourceFileTest.class)).containsEntry(CURRENCY, "GBP");
    }

    @Test
    void whereTheDatabaseIsStaysSpringBootsOwn() {
        assertThat(conventions.parameters(PlainTest.class)).doesNotContainKeys(
                VerifiedSchema.FLYWAY_PREFIX + "url", VerifiedSchema.FLYWAY_PREFIX + "user",
                VerifiedSchema.FLYWAY_PREFIX + "password", VerifiedSchema.FLYWAY_PREFIX + "driver")
                .allSatisfy((key, value) -> assertThat(value).doesNotContain("prod-db", "not-for-the-tests", "flyway_admin"));
    }

    @Test
    void activeProfilesReadTheirProfileFiles() {
        assertThat(conventions.parameters(EuropeanTest.class)).containsEntry(CURRENCY, "EUR");
    }

    @Test
    void theTestAnnotationsPropertiesWin() {
        assertThat(conventions.parameters(PropertiesOfTheTestAnnotation.class)).containsEntry(CURRENCY, "JPY");
    }

    @Test
    void testPropertySourceWins() {
        assertThat(conventions.parameters(TestPropertySourceTest.class))
                .containsEntry(VerifiedSchema.MIGRATIONS_KEY, "classpath:db/elsewhere");
    }

    @Test
    void systemPropertiesWinOverTheFiles() {
        System.setProperty("spring.flyway.placeholders.default_currency", "CHF");
        try {
            assertThat(conventions.parameters(PlainTest.class)).containsEntry(CURRENCY, "CHF");
        } finally {
            System.clearProperty("spring.flyway.placeholders.default_currency");
        }
    }

    @Test
    void anUnreadableConfigurationFileIsNamedInTheFailure() {
        assertThatThrownBy(() -> conventions.parameters(BrokenProfileTest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BrokenProfileTest.class.getName())
                .hasMessageContaining("in classpath:application-broken.yml: ")
                .hasMessageContaining("line 3, column 16");
    }

    @Test
    void flywayNamesBecomeSpringBootsKebabCase() {
        assertThat(SpringBootConventions.kebab("sqlMigrationPrefix")).isEqualTo("sql-migration-prefix");
        assertThat(SpringBootConventions.kebab("mixed")).isEqualTo("mixed");
    }
}
