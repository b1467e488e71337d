package io.attain.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTest {

    @Test
    void parsesAMonth() {
        Period p = Period.parse("2017-05");
        assertThat(p.unit()).isEqualTo(PeriodUnit.MONTH);
        assertThat(p.year()).isEqualTo(2017);
        assertThat(p.start()).isEqualTo(LocalDate.of(2017, 5, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2017, 6, 1));
        assertThat(p).hasToString("2017-05").isEqualTo(Period.month(2017, 5));
    }

    @Test
    void parsesAQuarter() {
        Period p = Period.parse("2017-Q2");
        assertThat(p.unit()).isEqualTo(PeriodUnit.QUARTER);
        assertThat(p.start()).isEqualTo(LocalDate.of(2017, 4, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2017, 7, 1));
        assertThat(p).hasToString("2017-Q2").isEqualTo(Period.quarter(2017, 2));
        assertThat(Period.parse("2017-Q4").end()).isEqualTo(LocalDate.of(2018, 1, 1));
    }

    @Test
    void parsesAYear() {
        Period p = Period.parse("2017");
        assertThat(p.unit()).isEqualTo(PeriodUnit.YEAR);
        assertThat(p.start()).isEqualTo(LocalDate.of(2017, 1, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(p).hasToString("2017").isEqualTo(Period.year(2017));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 2017", "2017-5", "2017-13", "2017-00", "2017-Q5", "2017-Q0", "2017-q2",
            "17", "20170", "2017-05-01", "2017-H1", "0000", "May 2017"})
    void rejectsAnythingElseWithAClearMessage(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(text))
                .withMessageStartingWith("period: ");
    }

    @Test
    void explainsTheAcceptedForms() {
        assertThatIllegalArgumentException().isThrownBy(() -> Period.parse("2017-13"))
                .withMessage("period: \"2017-13\" is not a valid period;"
                        + " expected a month (2017-05), a quarter (2017-Q2) or a year (2017)");
        assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(null))
                .withMessage("period: is required");
        assertThatIllegalArgumentException().isThrownBy(() -> Period.month(2017, 13))
                .withMessageStartingWith("period: month");
        assertThatIllegalArgumentException().isThrownBy(() -> Period.quarter(2017, 0))
                .withMessageStartingWith("period: quarter");
    }

    @Test
    void containsUsesUtcAndAnExclusiveEnd() {
        Period may = Period.parse("2017-05");
        assertThat(may.contains(Instant.parse("2017-05-01T00:00:00Z"))).isTrue();
        assertThat(may.contains(Instant.parse("2017-05-31T23:59:59.999Z"))).isTrue();
        assertThat(may.contains(Instant.parse("2017-06-01T00:00:00Z"))).isFalse();
        assertThat(may.contains(Instant.parse("2017-04-30T23:59:59Z"))).isFalse();
        assertThat(may.contains(LocalDate.of(2017, 5, 15))).isTrue();
    }

    @Test
    void findsThePeriodsOfAnInstantInUtc() {
        // 23:30 UTC on 30 June is already 1 July in Berlin, but still Q2 in UTC.
        Instant instant = Instant.parse("2017-06-30T23:30:00Z");
        assertThat(Period.monthOf(instant)).hasToString("2017-06");
        assertThat(Period.quarterOf(instant)).hasToString("2017-Q2");
        assertThat(Period.yearOf(instant)).hasToString("2017");
        assertThat(Period.quarterOf(Instant.parse("2017-01-01T00:00:00Z"))).hasToString("2017-Q1");
        assertThat(Period.quarterOf(Instant.parse("2017-12-31T00:00:00Z"))).hasToString("2017-Q4");
    }

    @Test
    void equalityFollowsTheText() {
        assertThat(Period.parse("2017-Q2")).isEqualTo(Period.quarter(2017, 2))
                .hasSameHashCodeAs(Period.quarter(2017, 2))
                .isNotEqualTo(Period.parse("2017-04"));
        assertThat(Period.parse("2017")).isNotEqualTo(Period.parse("2017-01"));
    }
}
