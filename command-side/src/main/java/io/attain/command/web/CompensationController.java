package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.ExchangeRateRequest;
import io.attain.command.web.request.PlanAssignmentRequest;
import io.attain.command.web.request.PlanRequest;
import io.attain.command.web.request.PlanVersionRequest;
import io.attain.command.web.request.SalesCostCorrectionRequest;
import io.attain.command.web.request.SalesCostRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;

/** Compensation plans (versions, assignments), exchange rates and sales and marketing costs: ADMIN or FINANCE. */
@RestController
@Tag(name = "Compensation", description = "Compensation plans, exchange rates and sales costs (ADMIN or FINANCE)")
public class CompensationController {

    private final CommandDispatcher commands;

    public CompensationController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/api/v1/plans", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a compensation plan (without terms; publish a version next)")
    public Mono<ResponseEntity<WriteResult>> create(@Valid @RequestBody PlanRequest request) {
        String id = Responses.idOrNew(request.planId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/plans/{id}", id, result));
    }

    @PostMapping(path = "/api/v1/plans/{planId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Publish the next version of a plan (immutable; retroactive: true for an effective date "
            + "on or before the latest version's)",
            description = "Body: terms {effectiveFrom, currency, basePay?, bands [{fromAttainment, toAttainment?, rate}], "
                    + "perDealCap?, perPeriodCap?, thresholdBonuses? [{attainment, amount}], spiffs? [{spiffId, "
                    + "productLine?, channel?, validFrom, validTo, fixedAmount? | rate?}], minimumDealSize?, "
                    + "clawbackWindowDays?, rollUpToManagers?, rollUpRate?}, retroactive?, occurredAt?. Amounts are "
                    + "{amount, currency} in the plan's currency.")
    public Mono<ResponseEntity<WriteResult>> publish(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String planId,
                                                     @Valid @RequestBody PlanVersionRequest request) {
        return commands.send(() -> request.toCommand(planId)).map(Responses::ok);
    }

    @PostMapping(path = "/api/v1/plans/{planId}/assignments", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Assign a plan to a rep (repId) or to every rep of a role (role), from a date on")
    public Mono<ResponseEntity<WriteResult>> assign(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String planId,
                                                    @Valid @RequestBody PlanAssignmentRequest request) {
        return commands.send(() -> request.toCommand(planId)).map(Responses::ok);
    }

    @PostMapping(path = "/api/v1/exchange-rates", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an exchange rate (1 fromCurrency = rate toCurrency) effective from a date",
            description = "One rate per pair and effective date; a recorded rate is never changed.")
    public Mono<ResponseEntity<WriteResult>> exchangeRate(@Valid @RequestBody ExchangeRateRequest request) {
        return commands.send(request::toCommand, java.util.Map.of("pairId", "toCurrency"))
                .map(result -> Responses.created("/api/v1/exchange-rates/{id}",
                        request.fromCurrency() + "-" + request.toCurrency(), result));
    }

    @PostMapping(path = "/api/v1/costs", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a sales or marketing cost of a period (month, quarter or year), by category, "
            + "optionally for a channel and a team",
            description = "Body: costId?, period (2017-05, 2017-Q2, 2017), category (SALARIES, COMMISSIONS, MARKETING, "
                    + "EVENTS, TRAVEL, TOOLS, PARTNER_FEES, OTHER), channel?, teamId?, amount (positive), currency, "
                    + "occurredAt?. An entry is never changed; corrections are new events (…/corrections).")
    public Mono<ResponseEntity<WriteResult>> salesCost(@Valid @RequestBody SalesCostRequest request) {
        String id = Responses.idOrNew(request.costId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/costs/{id}", id, result));
    }

    @PostMapping(path = "/api/v1/costs/{costId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct the amount of a recorded cost (the amount it should have been; 0 voids it)",
            description = "Body: amount (not negative, differs from the current one), currency (the entry's), reason, "
                    + "occurredAt?. The earlier amount stays in the history.")
    public Mono<ResponseEntity<WriteResult>> correctSalesCost(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String costId,
                                                              @Valid @RequestBody SalesCostCorrectionRequest request) {
        return commands.send(() -> request.toCommand(costId)).map(Responses::ok);
    }
}
