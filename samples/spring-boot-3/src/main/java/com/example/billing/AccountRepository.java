package com.example.billing;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

public interface AccountRepository extends ListCrudRepository<Account, Long> {
    Optional<Account> findByEmail(String email);
}
