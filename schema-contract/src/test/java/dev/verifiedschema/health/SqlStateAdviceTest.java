package dev.verifiedschema.health;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStateAdviceTest {
    @Test
    void aFailedSslHandshakeIsToldApartFromAnUnreachableServer() {
        SQLException handshake = new SQLException("SSL error: PKIX path building failed", "08006",
                new SSLHandshakeException("unable to find valid certification path"));
        SQLException refused = new SQLException("Connection to 127.0.0.1:1 refused", "08001");

        assertThat(SqlStateAdvice.of(handshake)).contains("the SSL handshake failed", "sslrootcert")
                .doesNotContain("cannot be reached");
        assertThat(SqlStateAdvice.of(refused)).contains("the server cannot be reached");
    }

    @Test
    void otherStatesKeepTheirAdviceAndUnknownOnesNameTheState() {
        assertThat(SqlStateAdvice.of(new SQLException("password authentication failed", "28P01")))
                .contains("check the user name and password");
        assertThat(SqlStateAdvice.of(new SQLException("odd", "XX000"))).isEqualTo(" (SQLState XX000)");
        assertThat(SqlStateAdvice.of((String) null)).isEmpty();
    }
}
