package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.AmountRequest;
import io.attain.command.web.request.CreditSplitRequest;
import io.attain.command.web.request.DealRequest;
import io.attain.command.web.request.ReopeningRequest;
import io.attain.command.web.request.StageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;

/** Deals through the funnel. */
@RestController
@RequestMapping(path = "/api/v1/deals", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deals", description = "Deals (ADMIN; MANAGER for deals of their team's reps; REP for deals they own or share)")
public class DealController {

    private final CommandDispatcher commands;

    public DealController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Open a deal owned by an active rep")
    public Mono<ResponseEntity<WriteResult>> open(@Valid @RequestBody DealRequest request) {
        String id = Responses.idOrNew(request.dealId());
        return commands.send(() -> request.toCommand(id), Map.of("initialStage", "stage"))
                .map(result -> Responses.created("/api/v1/deals/{id}", id, result));
    }

    @PostMapping("/{dealId}/stage")
    @Operation(summary = "Move an open deal to another stage, or close it as WON or LOST")
    public Mono<ResponseEntity<WriteResult>> stage(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String dealId, @Valid @RequestBody StageRequest request) {
        return commands.send(() -> request.toCommand(dealId),
                        Map.of("toStage", "stage", "currency", "finalAmount.currency"))
                .map(Responses::ok);
    }

    @PostMapping("/{dealId}/reopening")
    @Operation(summary = "Reopen a closed deal, for a reason")
    public Mono<ResponseEntity<WriteResult>> reopen(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String dealId,
                                                    @Valid @RequestBody ReopeningRequest request) {
        return commands.send(() -> request.toCommand(dealId), Map.of("toStage", "stage")).map(Responses::ok);
    }

    @PutMapping("/{dealId}/amount")
    @Operation(summary = "Change the amount of an open deal")
    public Mono<ResponseEntity<WriteResult>> amount(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String dealId, @Valid @RequestBody AmountRequest request) {
        return commands.send(() -> request.toCommand(dealId)).map(Responses::ok);
    }

    @PutMapping("/{dealId}/credit-split")
    @Operation(summary = "Split the credit of an open deal between active reps (percentages summing to 100)")
    public Mono<ResponseEntity<WriteResult>> creditSplit(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String dealId,
                                                         @Valid @RequestBody CreditSplitRequest request) {
        return commands.send(() -> request.toCommand(dealId)).map(Responses::ok);
    }
}
