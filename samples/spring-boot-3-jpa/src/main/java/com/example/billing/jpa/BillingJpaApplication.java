package com.example.billing.jpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The billing service on Spring Data JPA. */
@SpringBootApplication
public class BillingJpaApplication {
    public static void main(String[] args) {
        SpringApplication.run(BillingJpaApplication.class, args);
    }
}
