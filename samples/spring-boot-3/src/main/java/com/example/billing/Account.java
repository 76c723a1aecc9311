package com.example.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A customer account. */
@Table("account")
public record Account(@Id Long id, String email) {
    public static Account of(String email) {
        return new Account(null, email);
    }
}
