package dev.verifiedschema.migrate;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StairwayJUnitTest {
    @Test
    void findingsNoStepHoldsGetACaseOfTheirOwnAndAnyTextStaysWellFormedXml() throws Exception {
        Finding database = new Finding("database", null, null, Finding.DATABASE, "",
                "the set changed what it does not own: role \"x\u0001\" <left> & kept", null);
        Finding undo = new Finding("undo", "1", "U1__users.sql", Finding.UNDO_SCHEMA, "users_email_idx",
                "undo of V1 left index users_email_idx behind", null);
        StairwayReport report = new StairwayReport("filesystem:db/migration", null, "public",
                List.of(new StepResult("1", "V1__users.sql", 12, 3, -1, true, StepResult.FAILED)),
                List.of(), "passed", List.of(database, undo), null, 20, "", List.of());

        String xml = StairwayJUnit.xml(report, List.of("users"), "report for people");

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("tests")).as("3 steps, full downgrade, database, users")
                .isEqualTo("6");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(xml).contains("<testcase classname=\"verified-schema.verify.V1\" name=\"undo\" time=\"0.003\">",
                "<testcase classname=\"verified-schema.verify\" name=\"database\">",
                "role &quot;x&quot; &lt;left&gt; &amp; kept")
                .doesNotContain("\u0001");
        assertThat(xml).as("the head was not reached: the contract's table is skipped")
                .contains("<testcase classname=\"verified-schema.verify.contract\" name=\"users\">\n"
                        + "    <skipped message=\"the head was not reached\"/>");
    }
}
