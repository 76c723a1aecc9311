package dev.verifiedschema.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences of violations and changes, exactly. */
class ViolationMutationTest {

    @Test
    void aViolationWithExpectedAndFoundNamesBoth() {
        Violation v = new Violation(Violation.Kind.WRONG_TYPE, "users", "email", "text", "integer");

        assertThat(v.describe()).isEqualTo("wrong type of column email (expected text, found integer)");
        assertThat(v.toString()).isEqualTo("users: wrong type of column email (expected text, found integer)");
    }

    @Test
    void aViolationWithOnlyExpectedNamesWhatIsExpected() {
        assertThat(new Violation(Violation.Kind.MISSING_COLUMN, "users", "email", "text", null).describe())
                .isEqualTo("missing column email (expected text)");
    }

    @Test
    void aViolationWithOnlyFoundNamesWhatWasFound() {
        assertThat(new Violation(Violation.Kind.UNEXPECTED_COLUMN, "users", "note", null, "text").describe())
                .isEqualTo("column not in the contract of an exact table note (found text)");
    }

    @Test
    void aViolationWithNeitherIsOnlyItsSubject() {
        assertThat(new Violation(Violation.Kind.MISSING_INDEX, "users", "(email)", null, null).describe())
                .isEqualTo("missing index (email)");
    }

    @Test
    void aTableLevelViolationDoesNotRepeatTheTableName() {
        assertThat(new Violation(Violation.Kind.MISSING_TABLE, "users", "users", null, null).describe())
                .isEqualTo("missing table");
        assertThat(new Violation(Violation.Kind.MISSING_TABLE, "users", null, null, null).describe())
                .isEqualTo("missing table");
    }

    @Test
    void eachKindNamesItsUsualFix() {
        assertThat(Violation.Kind.WRONG_DEFAULT.fix()).isEqualTo("set the default with a migration, or fix the contract");
    }

    @Test
    void anAddedChangeNamesTheObjectAfter() {
        Change c = new Change(Change.Kind.ADDED, Change.ObjectType.CHECK_CONSTRAINT, "t.c", null, "CHECK (x > 0)");

        assertThat(c.describe()).isEqualTo("check constraint t.c CHECK (x > 0) added");
        assertThat(c.toString()).isEqualTo("check constraint t.c CHECK (x > 0) added");
    }

    @Test
    void aRemovedChangeNamesTheObjectBefore() {
        assertThat(new Change(Change.Kind.REMOVED, Change.ObjectType.INDEX, "t.ix", "(a)", null).describe())
                .isEqualTo("index t.ix (a) removed");
    }

    @Test
    void aChangedChangeNamesBeforeAndAfter() {
        assertThat(new Change(Change.Kind.CHANGED, Change.ObjectType.COLUMN, "t.a", "integer not null",
                "bigint nullable").describe()).isEqualTo("column t.a changed: integer not null -> bigint nullable");
    }
}
