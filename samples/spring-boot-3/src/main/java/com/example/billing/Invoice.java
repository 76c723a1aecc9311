package com.example.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

import java.time.OffsetDateTime;

/** An invoice; the database gives its currency and status, and {@link InvoiceRepository#markPaid} pays it. */
@Table("invoice")
public record Invoice(@Id Long id, Long accountId, long amountCents, @ReadOnlyProperty String currency,
                      @ReadOnlyProperty String status, @ReadOnlyProperty OffsetDateTime paidAt) {
    public static Invoice draft(long accountId, long amountCents) {
        return new Invoice(null, accountId, amountCents, null, null, null);
    }
}
