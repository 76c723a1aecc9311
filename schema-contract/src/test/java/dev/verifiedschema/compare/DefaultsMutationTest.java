package dev.verifiedschema.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a contract's default is compared with the expression PostgreSQL prints. */
class DefaultsMutationTest {

    @Test
    void aColumnWithoutDefaultNeverHasTheWrittenOne() {
        assertThat(Defaults.same("0", null)).isFalse();
    }

    @Test
    void theSameTextIsTheSameDefault() {
        assertThat(Defaults.same("now()", "now()")).isTrue();
    }

    @Test
    void differentExpressionsAreDifferentDefaults() {
        assertThat(Defaults.same("now()", "current_date")).isFalse();
    }

    @Test
    void theCatalogsTrailingCastIsIgnored() {
        assertThat(Defaults.same("'open'", "'open'::character varying")).isTrue();
    }

    @Test
    void everyTrailingCastIsIgnoredNotOnlyTheLast() {
        assertThat(Defaults.same("'1'", "'1'::text::integer")).isTrue();
    }

    @Test
    void aCastToAnArrayOrATypeWithAModifierIsIgnored() {
        assertThat(Defaults.same("'{}'", "'{}'::text[]")).isTrue();
        assertThat(Defaults.same("0", "0::numeric(12, 2)")).isTrue();
    }

    @Test
    void parenthesesAroundTheWholeExpressionAreIgnored() {
        assertThat(Defaults.same("0", "(0)::numeric(12,2)")).isTrue();
        assertThat(Defaults.same("-1", "( -1 )")).isTrue();
    }

    @Test
    void parenthesesThatDoNotEncloseTheWholeExpressionAreKept() {
        assertThat(Defaults.same("a) + (b", "(a) + (b)")).isFalse();
    }

    @Test
    void anUnclosedInnerParenthesisKeepsTheOuterOnes() {
        assertThat(Defaults.same("(a", "((a)")).isFalse();
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(Defaults.same("  now()  ", "now()")).isTrue();
        assertThat(Defaults.same("'a'", "'a' ::text")).isTrue();
    }

    @Test
    void keywordsMatchWhateverTheirCase() {
        assertThat(Defaults.same("NOW()", "now()")).isTrue();
        assertThat(Defaults.same("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP")).isTrue();
        assertThat(Defaults.same("current_timestamp", "CURRENT_TIMESTAMP")).isTrue();
    }

    @Test
    void theCaseOfAStringLiteralMatters() {
        assertThat(Defaults.same("'OPEN'", "'open'::text")).isFalse();
    }
}
