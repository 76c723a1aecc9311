package com.example.billing;

import dev.verifiedschema.junit.VerifiedSchema;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The team's repository test slice, stated once: the repositories on the verified database. In
 * {@code src/test-slices} because it names Spring Boot 3's packages; samples/spring-boot-4 has its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public @interface RepositorySlice {
}
