package com.example.billing;

import dev.verifiedschema.junit.VerifiedSchema;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The team's repository test slice, stated once: the repositories on the verified database (Spring Boot 4's
 * packages; the Spring Boot 3 sample has this file in src/test-slices, with its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VerifiedSchema(contract = "classpath:billing-contract.yaml")
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public @interface RepositorySlice {
}
