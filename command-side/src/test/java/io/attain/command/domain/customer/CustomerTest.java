package io.attain.command.domain.customer;

import io.attain.command.domain.DuplicateException;
import io.attain.command.domain.IllegalTransitionException;
import io.attain.command.domain.InvalidCommandException;
import io.attain.kernel.common.Money;
import io.attain.kernel.customer.CustomerProfileUpdatedEvent;
import io.attain.kernel.customer.CustomerRegisteredEvent;
import io.attain.kernel.customer.DesignateKeyAccountCommand;
import io.attain.kernel.customer.KeyAccountDesignatedEvent;
import io.attain.kernel.customer.KeyAccountRevokedEvent;
import io.attain.kernel.customer.RegisterCustomerCommand;
import io.attain.kernel.customer.RevokeKeyAccountCommand;
import io.attain.kernel.customer.UpdateCustomerProfileCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerTest {

    private static final String ID = "betasoloin";
    private static final Instant NOW = Instant.parse("2017-07-03T12:00:00Z");
    private static final Instant BUSINESS = Instant.parse("2017-01-02T00:00:00Z");
    private static final Money REVENUE = Money.of("251.41", "USD");
    private static final LocalDate APRIL = LocalDate.of(2017, 4, 1);

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    private static CustomerRegisteredEvent registered() {
        return new CustomerRegisteredEvent(ID, "Betasoloin", "medical", REVENUE, 495, "Germany", null, BUSINESS);
    }

    private static UpdateCustomerProfileCommand update(String name, String sector, Money revenue, Integer employees,
                                                       String location, String parent) {
        return new UpdateCustomerProfileCommand(ID, name, sector, revenue, employees, location, parent, BUSINESS);
    }

    // --- registration

    @Test
    void aCustomerIsRegisteredWithItsProfileAndBusinessTime() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(new RegisterCustomerCommand(ID, "Betasoloin", "medical", REVENUE, 495, "Germany", null,
                        BUSINESS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered())
                .expectState(customer -> {
                    assertThat(customer.name()).isEqualTo("Betasoloin");
                    assertThat(customer.employees()).isEqualTo(495);
                    assertThat(customer.isKeyAccount()).isFalse();
                });
    }

    @Test
    void onlyTheNameIsRequiredAndWithoutBusinessTimeItIsTheMessageClocks() {
        fixture.givenNoPriorActivity()
                .andGivenCurrentTime(NOW)
                .when(new RegisterCustomerCommand(ID, "Betasoloin", null, null, null, null, null, null))
                .expectEvents(new CustomerRegisteredEvent(ID, "Betasoloin", null, null, null, null, null, NOW));
    }

    @Test
    void aSubsidiaryNamesItsParentWhichNeedNotBeRegisteredYet() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(ID, "Betasoloin", null, null, 0, null, "bubba-gump", BUSINESS))
                .expectEvents(new CustomerRegisteredEvent(ID, "Betasoloin", null, null, 0, null, "bubba-gump",
                        BUSINESS))
                .expectState(customer -> assertThat(customer.parentCustomerId()).isEqualTo("bubba-gump"));
    }

    @Test
    void refusesACustomerIdRegisteredTwice() {
        fixture.given(registered())
                .when(new RegisterCustomerCommand(ID, "Other", null, null, null, null, null, BUSINESS))
                .expectException(DuplicateException.class)
                .expectExceptionMessage("customerId: a customer with this id is already registered")
                .expectNoEvents();
    }

    @Test
    void refusesACustomerThatIsItsOwnParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(ID, "Betasoloin", null, null, null, null, ID, BUSINESS))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("parentCustomerId: must not be the customer itself")
                .expectNoEvents();
    }

    @Test
    void refusesNegativeEmployees() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomerCommand(ID, "Betasoloin", null, null, -1, null, null, BUSINESS))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("employees: must not be negative")
                .expectNoEvents();
    }

    @Test
    void refusesANegativeRevenueEvenWhenTheIdExists() {
        fixture.given(registered())
                .when(new RegisterCustomerCommand(ID, "Betasoloin", null, Money.of("-1", "USD"), null, null, null,
                        BUSINESS))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("annualRevenue: must not be negative")
                .expectNoEvents();
    }

    // --- profile updates

    @Test
    void anUpdateRecordsOnlyTheFieldsThatChange() {
        fixture.given(registered())
                .when(update("Betasoloin", "technolgy", Money.of("251.410", "USD"), 500, null, "bubba-gump"))
                .expectEvents(new CustomerProfileUpdatedEvent(ID, null, "technolgy", null, 500, null, "bubba-gump",
                        BUSINESS))
                .expectState(customer -> {
                    assertThat(customer.name()).isEqualTo("Betasoloin");
                    assertThat(customer.employees()).isEqualTo(500);
                    assertThat(customer.annualRevenue()).isEqualTo(REVENUE);
                    assertThat(customer.parentCustomerId()).isEqualTo("bubba-gump");
                });
    }

    @Test
    void aRevenueInAnotherCurrencyIsAChange() {
        fixture.given(registered())
                .when(update(null, null, Money.of("251.41", "EUR"), null, null, null))
                .expectEvents(new CustomerProfileUpdatedEvent(ID, null, null, Money.of("251.41", "EUR"), null, null,
                        null, BUSINESS));
    }

    @Test
    void refusesAnUpdateThatChangesNothing() {
        fixture.given(registered())
                .when(update("Betasoloin", "medical", Money.of("251.4100", "USD"), 495, "Germany", null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("profile: must change at least one field of the customer's profile")
                .expectNoEvents();
    }

    @Test
    void refusesAnUpdateWithoutAnyField() {
        fixture.given(registered())
                .when(update(null, null, null, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("profile: must change at least one field of the customer's profile")
                .expectNoEvents();
    }

    @Test
    void refusesAnUpdateThatMakesTheCustomerItsOwnParent() {
        fixture.given(registered())
                .when(update(null, null, null, null, null, ID))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("parentCustomerId: must not be the customer itself")
                .expectNoEvents();
    }

    @Test
    void refusesNegativeEmployeesInAnUpdate() {
        fixture.given(registered())
                .when(update(null, null, null, -5, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("employees: must not be negative")
                .expectNoEvents();
    }

    @Test
    void refusesAnUpdateOfAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(update("Betasoloin", null, null, null, null, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // --- key accounts

    @Test
    void aCustomerIsDesignatedAKeyAccount() {
        fixture.given(registered())
                .andGivenCurrentTime(NOW)
                .when(new DesignateKeyAccountCommand(ID, "Anna Snelling", APRIL, null))
                .expectEvents(new KeyAccountDesignatedEvent(ID, "Anna Snelling", APRIL, NOW))
                .expectState(customer -> {
                    assertThat(customer.isKeyAccount()).isTrue();
                    assertThat(customer.keyAccountOwnerRepId()).isEqualTo("Anna Snelling");
                });
    }

    @Test
    void refusesDesignatingAKeyAccountTwiceWhileDesignated() {
        fixture.given(registered(), new KeyAccountDesignatedEvent(ID, "Anna Snelling", APRIL, BUSINESS))
                .when(new DesignateKeyAccountCommand(ID, "Boris Faz", APRIL.plusMonths(1), BUSINESS))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("customerId: is already a key account (owned by Anna Snelling from "
                        + "2017-04-01); revoke it first")
                .expectNoEvents();
    }

    @Test
    void refusesDesignatingAnUnknownCustomer() {
        fixture.givenNoPriorActivity()
                .when(new DesignateKeyAccountCommand(ID, "Anna Snelling", APRIL, BUSINESS))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aRevocationRepeatsTheDesignationAndAllowsANewOne() {
        fixture.given(registered(), new KeyAccountDesignatedEvent(ID, "Anna Snelling", APRIL, BUSINESS))
                .when(new RevokeKeyAccountCommand(ID, LocalDate.of(2017, 9, 30), "account moved", BUSINESS))
                .expectEvents(new KeyAccountRevokedEvent(ID, "Anna Snelling", APRIL, LocalDate.of(2017, 9, 30),
                        "account moved", BUSINESS))
                .expectState(customer -> assertThat(customer.isKeyAccount()).isFalse());
    }

    @Test
    void aKeyAccountMayBeDesignatedAgainAfterItsRevocation() {
        fixture.given(registered(), new KeyAccountDesignatedEvent(ID, "Anna Snelling", APRIL, BUSINESS),
                        new KeyAccountRevokedEvent(ID, "Anna Snelling", APRIL, APRIL, null, BUSINESS))
                .when(new DesignateKeyAccountCommand(ID, "Boris Faz", APRIL.plusDays(1), BUSINESS))
                .expectEvents(new KeyAccountDesignatedEvent(ID, "Boris Faz", APRIL.plusDays(1), BUSINESS));
    }

    @Test
    void refusesRevokingANonKeyAccount() {
        fixture.given(registered())
                .when(new RevokeKeyAccountCommand(ID, APRIL, null, BUSINESS))
                .expectException(IllegalTransitionException.class)
                .expectExceptionMessage("customerId: is not a key account")
                .expectNoEvents();
    }

    @Test
    void refusesARevocationBeforeTheDesignationStarts() {
        fixture.given(registered(), new KeyAccountDesignatedEvent(ID, "Anna Snelling", APRIL, BUSINESS))
                .when(new RevokeKeyAccountCommand(ID, APRIL.minusDays(1), null, BUSINESS))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("until: must not be before the key account's start, 2017-04-01")
                .expectNoEvents();
    }
}
