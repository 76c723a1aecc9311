package dev.verifiedschema.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            int8                         | bigint
            BIGINT                       | bigint
            int4                         | integer
            int                          | integer
            integer                      | integer
            int2                         | smallint
            bool                         | boolean
            boolean                      | boolean
            varchar(255)                 | character varying(255)
            character varying(255)       | character varying(255)
            varchar                      | character varying
            char(3)                      | character(3)
            char                         | character(1)
            timestamptz                  | timestamp with time zone
            timestamp with time zone     | timestamp with time zone
            timestamp                    | timestamp without time zone
            timestamp without time zone  | timestamp without time zone
            timestamp(3)                 | timestamp(3) without time zone
            timestamptz(6)               | timestamp(6) with time zone
            time                         | time without time zone
            timetz                       | time with time zone
            numeric(12,2)                | numeric(12,2)
            numeric( 12 , 2 )            | numeric(12,2)
            decimal(10)                  | numeric(10,0)
            numeric                      | numeric
            float8                       | double precision
            double   precision           | double precision
            float4                       | real
            float(10)                    | real
            serial                       | integer
            bigserial                    | bigint
            smallserial                  | smallint
            text[]                       | text[]
            int[]                        | integer[]
            varchar(20)[]                | character varying(20)[]
            integer[][]                  | integer[][]
            int4[3]                      | integer[]
            jsonb                        | jsonb
            uuid                         | uuid
            feedback_status              | feedback_status
            Feedback_Status              | feedback_status
            "FeedbackStatus"             | "FeedbackStatus"
            billing.currency             | billing.currency
            """)
    void typeNamesAreNormalisedToFormatTypeSpelling(String written, String expected) {
        assertThat(TypeNames.normalise(written)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"numeric(12,", "varchar(abc)", "int; drop table users", "(", "timestamptz(3) without time zone",
            "text[", "array", ""})
    void unparsableTypesAreRejectedWithWhatIsAllowed(String written) {
        assertThatThrownBy(() -> TypeNames.normalise(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected").hasMessageContaining("bigint");
    }

    @org.junit.jupiter.api.Test
    void aLengthTypeWithTwoArgumentsSaysItTakesOne() {
        assertThatThrownBy(() -> TypeNames.normalise("varchar(1,2)"))
                .hasMessage("the type 'varchar(1,2)' gives varchar two arguments, but it takes one (a length)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial", "SERIAL4", "bigserial", "serial8", "smallserial"})
    void serialPseudoTypesAreRecognised(String written) {
        assertThat(TypeNames.isSerial(written)).isTrue();
    }
}
