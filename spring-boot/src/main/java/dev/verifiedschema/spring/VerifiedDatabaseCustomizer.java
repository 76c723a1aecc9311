package dev.verifiedschema.spring;

import dev.verifiedschema.junit.VerifiedSchema;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Registers the {@link ActiveDataSource} as the context's primary {@code DataSource} (Spring Boot's own
 * data source auto-configuration then backs off) and switches Spring Boot's Flyway and test-database
 * replacement off, ahead of every other property source.
 */
final class VerifiedDatabaseCustomizer implements ContextCustomizer {
    static final String BEAN_NAME = "verifiedSchemaDataSource";
    static final String PROPERTY_SOURCE = "verifiedSchema";

    private final VerifiedSchema annotation;

    VerifiedDatabaseCustomizer(VerifiedSchema annotation) {
        this.annotation = annotation;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                // the verified database is at head already; Spring Boot's run would only repeat it
                "spring.flyway.enabled", "false",
                // a test slice's @AutoConfigureTestDatabase would swap the verified database for an embedded one
                "spring.test.database.replace", "none")));
        if (!(context instanceof BeanDefinitionRegistry registry)) {
            throw new IllegalStateException("@VerifiedSchema cannot give its database to a "
                    + context.getClass().getName() + ": the context does not accept bean definitions");
        }
        RootBeanDefinition definition = new RootBeanDefinition(DataSource.class, ActiveDataSource::new);
        definition.setPrimary(true);
        registry.registerBeanDefinition(BEAN_NAME, definition);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedDatabaseCustomizer that && annotation.equals(that.annotation);
    }

    @Override
    public int hashCode() {
        return annotation.hashCode();
    }
}
