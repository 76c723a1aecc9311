package dev.verifiedschema.spring;

import dev.verifiedschema.junit.VerifiedSchema;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Gives the application context of every Spring test class annotated with {@link VerifiedSchema @VerifiedSchema}
 * the verified database as its {@code DataSource}, and turns Spring Boot's own Flyway run off (the schema is
 * already at head). Spring finds this factory in {@code META-INF/spring.factories}; nothing is to be declared.
 *
 * <p>Classes whose {@code @VerifiedSchema} attributes are equal share one customizer, so Spring's context cache
 * still gives them one context: its data source follows whichever test runs ({@link
 * dev.verifiedschema.junit.ActiveDatabase}).
 */
public final class VerifiedSchemaContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        VerifiedSchema annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, VerifiedSchema.class);
        return annotation == null ? null : new VerifiedDatabaseCustomizer(annotation);
    }
}
