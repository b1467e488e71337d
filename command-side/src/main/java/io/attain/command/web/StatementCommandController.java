package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.DisputeRequest;
import io.attain.command.web.request.DisputeResolutionRequest;
import io.attain.command.web.request.PaymentRequest;
import io.attain.command.web.request.StatementActionRequest;
import io.attain.kernel.common.Period;
import io.attain.kernel.compensation.ApproveStatementCommand;
import io.attain.kernel.compensation.ApproverRole;
import io.attain.kernel.compensation.CompensationIds;
import io.attain.kernel.compensation.LockStatementCommand;
import io.attain.kernel.compensation.SubmitStatementCommand;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;

import io.attain.kernel.common.InputContract;

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;

/**
 * A rep's commission statement of a quarter ({@code statement:<repId>:<period>}): its lifecycle (submit, approve,
 * lock, pay) and disputes. Lines are booked by the commission process, not over HTTP.
 */
@RestController
@RequestMapping(path = "/api/v1/statements/{repId}/{period}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commission statements", description = "Submit, approve, lock and pay a rep's statement of a period; "
        + "dispute and resolve its lines")
public class StatementCommandController {

    private final CommandDispatcher commands;

    public StatementCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/submission")
    @Operation(summary = "Submit an open statement for approval (the rep, the MANAGER of the rep's team, FINANCE, ADMIN)")
    public Mono<ResponseEntity<WriteResult>> submit(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId,
                                                    @Parameter(description = "e.g. 2017-Q2") @PathVariable String period,
                                                    @AuthenticationPrincipal AttainPrincipal principal,
                                                    @RequestBody(required = false) StatementActionRequest request) {
        return commands.send(() -> new SubmitStatementCommand(statementId(repId, period), principal.id(),
                occurredAt(request))).map(Responses::ok);
    }

    @PostMapping("/approval")
    @Operation(summary = "Approve a submitted statement (FINANCE, or the MANAGER of the rep's team; never the rep)")
    public Mono<ResponseEntity<WriteResult>> approve(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId, @PathVariable String period,
                                                     @AuthenticationPrincipal AttainPrincipal principal,
                                                     @RequestBody(required = false) StatementActionRequest request) {
        ApproverRole role = principal.hasRole(AttainRole.FINANCE) || !principal.hasRole(AttainRole.MANAGER)
                ? ApproverRole.FINANCE : ApproverRole.MANAGER;
        return commands.send(() -> new ApproveStatementCommand(statementId(repId, period), principal.id(), role,
                occurredAt(request))).map(Responses::ok);
    }

    @PostMapping("/lock")
    @Operation(summary = "Lock an approved statement: its period accepts no change any more (FINANCE, ADMIN)")
    public Mono<ResponseEntity<WriteResult>> lock(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId, @PathVariable String period,
                                                  @AuthenticationPrincipal AttainPrincipal principal,
                                                  @RequestBody(required = false) StatementActionRequest request) {
        return commands.send(() -> new LockStatementCommand(statementId(repId, period), principal.id(),
                occurredAt(request))).map(Responses::ok);
    }

    @PostMapping("/payments")
    @Operation(summary = "Pay (part of) an approved or locked statement from a payout batch (FINANCE, ADMIN)",
            description = "At most the approved and unpaid amount per currency; each batch pays a statement once.")
    public Mono<ResponseEntity<WriteResult>> pay(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId, @PathVariable String period,
                                                 @Valid @RequestBody PaymentRequest request) {
        return commands.send(() -> request.toCommand(statementId(repId, period)), java.util.Map.of("statementId", "period"))
                .map(Responses::ok);
    }

    @PostMapping("/disputes")
    @Operation(summary = "Dispute a line of one's own statement (the REP; ADMIN)")
    public Mono<ResponseEntity<WriteResult>> dispute(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId, @PathVariable String period,
                                                     @Valid @RequestBody DisputeRequest request) {
        String id = Responses.idOrNew(request.disputeId());
        return commands.send(() -> request.toCommand(statementId(repId, period), id, repId))
                .map(result -> Responses.createdAt("/api/v1/statements/{repId}/{period}/disputes/{id}", result,
                        repId, period, id));
    }

    @PostMapping("/disputes/{disputeId}/resolution")
    @Operation(summary = "Resolve a dispute: accept with an adjustment, or reject with a reason (the MANAGER of the "
            + "rep's team; ADMIN)")
    public Mono<ResponseEntity<WriteResult>> resolve(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId, @PathVariable String period,
                                                     @PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String disputeId,
                                                     @AuthenticationPrincipal AttainPrincipal principal,
                                                     @Valid @RequestBody DisputeResolutionRequest request) {
        return commands.send(() -> request.toCommand(statementId(repId, period), disputeId, principal.id()))
                .map(Responses::ok);
    }

    /** {@code statement:<repId>:<period>}; an unparseable period is a 422 naming {@code period}. */
    private static String statementId(String repId, String period) {
        return CompensationIds.statementId(InputContract.identifier(repId, "repId"),
                InputContract.period(Period.parse(period), "period"));
    }

    private static Instant occurredAt(StatementActionRequest request) {
        return request == null ? null : request.occurredAt();
    }
}
