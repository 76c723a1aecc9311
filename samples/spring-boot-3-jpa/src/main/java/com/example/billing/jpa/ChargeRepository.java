package com.example.billing.jpa;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChargeRepository extends JpaRepository<Charge, Long> {
    @Query("select coalesce(sum(c.amountCents), 0) from Charge c where c.customer.email = :email")
    long totalCentsOf(String email);
}
