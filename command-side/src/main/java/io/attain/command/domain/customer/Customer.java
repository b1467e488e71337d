package io.attain.command.domain.customer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.attain.command.domain.BusinessTime;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer (an account of the CRM; id = customer id): name, sector, size (annual revenue, employees), location,
 * the customer it is a subsidiary of, and whether it is a key account and whose (ADR 0017). A profile change is a
 * new event, never an edit.
 *
 * <p>Every rule that needs only the command is checked before the customer's state is looked at, so the same bad
 * request gets the same answer whether or not the customer exists. That a parent customer or a key account's owner
 * exists is not checked here (an import may register a subsidiary before its parent).
 *
 * <p>Fields are visible to Jackson so that snapshots (Axon's JacksonSerializer) keep the whole state.
 */
@Aggregate(snapshotTriggerDefinition = "attainSnapshotTrigger", cache = "attainAggregateCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Customer {

    @AggregateIdentifier
    private String customerId;
    private String name;
    private String sector;
    private Money annualRevenue;
    private Integer employees;
    private String location;
    private String parentCustomerId;
    /** The key account's owner while the customer is a key account, else {@code null}. */
    private String keyAccountOwnerRepId;
    private LocalDate keyAccountFrom;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterCustomerCommand command) {
        checkProfile(command.customerId(), command.annualRevenue(), command.employees(), command.parentCustomerId());
        if (customerId != null) {
            throw new DuplicateException("customerId", "a customer with this id is already registered");
        }
        apply(new CustomerRegisteredEvent(command.customerId(), command.name(), command.sector(),
                command.annualRevenue(), command.employees(), command.location(), command.parentCustomerId(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(UpdateCustomerProfileCommand command) {
        checkProfile(command.customerId(), command.annualRevenue(), command.employees(), command.parentCustomerId());
        String newName = changed(command.name(), name);
        String newSector = changed(command.sector(), sector);
        Money newRevenue = command.annualRevenue() == null || sameMoney(command.annualRevenue(), annualRevenue)
                ? null : command.annualRevenue();
        Integer newEmployees = changed(command.employees(), employees);
        String newLocation = changed(command.location(), location);
        String newParent = changed(command.parentCustomerId(), parentCustomerId);
        if (newName == null && newSector == null && newRevenue == null && newEmployees == null && newLocation == null
                && newParent == null) {
            throw new InvalidCommandException("profile", "must change at least one field of the customer's profile");
        }
        apply(new CustomerProfileUpdatedEvent(customerId, newName, newSector, newRevenue, newEmployees, newLocation,
                newParent, BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(DesignateKeyAccountCommand command) {
        if (keyAccountOwnerRepId != null) {
            throw new IllegalTransitionException("customerId", "is already a key account (owned by "
                    + keyAccountOwnerRepId + " from " + keyAccountFrom + "); revoke it first");
        }
        apply(new KeyAccountDesignatedEvent(customerId, command.accountOwnerRepId(), command.from(),
                BusinessTime.orNow(command.occurredAt())));
    }

    @CommandHandler
    public void handle(RevokeKeyAccountCommand command) {
        if (keyAccountOwnerRepId == null) {
            throw new IllegalTransitionException("customerId", "is not a key account");
        }
        if (command.until().isBefore(keyAccountFrom)) {
            throw new InvalidCommandException("until", "must not be before the key account's start, "
                    + keyAccountFrom);
        }
        apply(new KeyAccountRevokedEvent(customerId, keyAccountOwnerRepId, keyAccountFrom, command.until(),
                command.reason(), BusinessTime.orNow(command.occurredAt())));
    }

    private static void checkProfile(String customerId, Money annualRevenue, Integer employees, String parent) {
        if (annualRevenue != null && annualRevenue.signum() < 0) {
            throw new InvalidCommandException("annualRevenue", "must not be negative");
        }
        if (employees != null && employees < 0) {
            throw new InvalidCommandException("employees", "must not be negative");
        }
        if (customerId.equals(parent)) {
            throw new InvalidCommandException("parentCustomerId", "must not be the customer itself");
        }
    }

    /** The given value when it differs from the current one, else {@code null} (unchanged). */
    private static <T> T changed(T given, T current) {
        return given == null || Objects.equals(given, current) ? null : given;
    }

    private static boolean sameMoney(Money a, Money b) {
        return b != null && a.hasSameCurrencyAs(b) && a.isSameAmountAs(b);
    }

    public String name() {
        return name;
    }

    public Money annualRevenue() {
        return annualRevenue;
    }

    public Integer employees() {
        return employees;
    }

    public String parentCustomerId() {
        return parentCustomerId;
    }

    /** Whether the customer is a key account now. */
    public boolean isKeyAccount() {
        return keyAccountOwnerRepId != null;
    }

    /** The key account's owner, {@code null} when the customer is not a key account. */
    public String keyAccountOwnerRepId() {
        return keyAccountOwnerRepId;
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        customerId = event.customerId();
        name = event.name();
        sector = event.sector();
        annualRevenue = event.annualRevenue();
        employees = event.employees();
        location = event.location();
        parentCustomerId = event.parentCustomerId();
    }

    @EventSourcingHandler
    void on(CustomerProfileUpdatedEvent event) {
        name = event.name() != null ? event.name() : name;
        sector = event.sector() != null ? event.sector() : sector;
        annualRevenue = event.annualRevenue() != null ? event.annualRevenue() : annualRevenue;
        employees = event.employees() != null ? event.employees() : employees;
        location = event.location() != null ? event.location() : location;
        parentCustomerId = event.parentCustomerId() != null ? event.parentCustomerId() : parentCustomerId;
    }

    @EventSourcingHandler
    void on(KeyAccountDesignatedEvent event) {
        keyAccountOwnerRepId = event.accountOwnerRepId();
        keyAccountFrom = event.from();
    }

    @EventSourcingHandler
    void on(KeyAccountRevokedEvent event) {
        keyAccountOwnerRepId = null;
        keyAccountFrom = null;
    }

    protected Customer() {
        // Required by Axon (and the creation policy)
    }
}
