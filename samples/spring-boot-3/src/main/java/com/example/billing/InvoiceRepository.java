package com.example.billing;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

public interface InvoiceRepository extends ListCrudRepository<Invoice, Long> {
    List<Invoice> findByAccountId(long accountId);

    @Query("SELECT count(*) FROM open_invoice WHERE account_id = :accountId")
    long countOpen(long accountId);

    @Modifying
    @Query("UPDATE invoice SET status = 'paid', paid_at = now() WHERE id = :id")
    int markPaid(long id);
}
