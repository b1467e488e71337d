package io.attain.command.domain;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRuleViolationTest {

    @Test
    void theMessageNamesTheFieldAndTheRule() {
        DomainRuleViolation violation = new InvalidCommandException("amount", "must be positive");
        assertThat(violation).hasMessage("amount: must be positive");
        assertThat(violation.field()).isEqualTo("amount");
        assertThat(violation.rule()).isEqualTo("must be positive");
    }

    @Test
    void aViolationWithoutFieldIsJustTheRule() {
        assertThat(new IllegalTransitionException(null, "deal is closed")).hasMessage("deal is closed")
                .extracting(DomainRuleViolation::field).isNull();
    }

    @Test
    void allKindsAreDomainRuleViolations() {
        assertThat(new DuplicateException("targetId", "target already exists"))
                .isInstanceOf(DomainRuleViolation.class).isInstanceOf(RuntimeException.class)
                .hasMessage("targetId: target already exists");
        assertThat(new IllegalTransitionException("toStage", "must differ from the current stage"))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void businessTimeDefaultsToTheMessageClockInUtc() {
        Clock previous = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2017-06-30T23:30:00Z"), ZoneOffset.ofHours(2));
            assertThat(BusinessTime.orNow(null)).isEqualTo(Instant.parse("2017-06-30T23:30:00Z"));
            assertThat(BusinessTime.orNow(Instant.EPOCH)).isEqualTo(Instant.EPOCH);
            assertThat(BusinessTime.utcDate(BusinessTime.orNow(null))).isEqualTo(LocalDate.of(2017, 6, 30));
        } finally {
            GenericEventMessage.clock = previous;
        }
    }
}
