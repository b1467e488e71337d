package io.attain.command.web;

import io.attain.command.web.request.CustomerProfileRequest;
import io.attain.command.web.request.CustomerRequest;
import io.attain.command.web.request.KeyAccountRequest;
import io.attain.command.web.request.KeyAccountRevocationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_PATTERN;
import static io.attain.kernel.common.InputContract.ID_RULE;

/** Customers (accounts) and key accounts: ADMIN or MANAGER (ADR 0017). */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "Customers and key accounts (ADMIN or MANAGER)")
public class CustomerController {

    private final CommandDispatcher commands;

    public CustomerController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/customers")
    @Operation(summary = "Register a customer (ADMIN, MANAGER)",
            description = "Body: customerId?, name, sector?, annualRevenue? {amount (not negative), currency}, "
                    + "employees? (not negative), location?, parentCustomerId? (not the customer itself; need not be "
                    + "registered yet), occurredAt?")
    public Mono<ResponseEntity<WriteResult>> register(@Valid @RequestBody CustomerRequest request) {
        String id = Responses.idOrNew(request.customerId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/customers/{id}", id, result));
    }

    @PutMapping("/customers/{customerId}/profile")
    @Operation(summary = "Change a customer's profile (ADMIN, MANAGER)",
            description = "Body: the fields that change (name?, sector?, annualRevenue?, employees?, location?, "
                    + "parentCustomerId?), occurredAt?. A field left out stays; at least one must change. The change "
                    + "is a new event; the registration stays in the history.")
    public Mono<ResponseEntity<WriteResult>> updateProfile(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String customerId,
                                                           @Valid @RequestBody CustomerProfileRequest request) {
        return commands.send(() -> request.toCommand(customerId)).map(Responses::ok);
    }

    @PostMapping("/customers/{customerId}/key-account")
    @Operation(summary = "Make a customer a key account owned by a rep (ADMIN; MANAGER for a rep of their team)",
            description = "Body: accountOwnerRepId, from (date), occurredAt?. Refused while it is a key account.")
    public Mono<ResponseEntity<WriteResult>> designateKeyAccount(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String customerId,
                                                                 @Valid @RequestBody KeyAccountRequest request) {
        return commands.send(() -> request.toCommand(customerId)).map(Responses::ok);
    }

    @PostMapping("/customers/{customerId}/key-account/revocation")
    @Operation(summary = "End a customer's key account status (ADMIN; MANAGER when the owner is a rep of their team)",
            description = "Body: until (the last day, not before the designation's from), reason?, occurredAt?")
    public Mono<ResponseEntity<WriteResult>> revokeKeyAccount(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String customerId,
                                                              @Valid @RequestBody KeyAccountRevocationRequest request) {
        return commands.send(() -> request.toCommand(customerId)).map(Responses::ok);
    }
}
