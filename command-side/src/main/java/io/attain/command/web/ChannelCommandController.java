package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.AgreementVersionRequest;
import io.attain.command.web.request.ConflictResolutionRequest;
import io.attain.command.web.request.PartnerRequest;
import io.attain.kernel.channel.ChannelIds;
import io.attain.platform.security.AttainPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;
import static io.attain.kernel.common.InputContract.REFERENCE_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.NO_CONTROL_PATTERN;
import static io.attain.kernel.common.InputContract.NO_CONTROL_RULE;

/**
 * Channel partners and their agreements (FINANCE, ADMIN) and the resolution of channel conflicts (the MANAGER of
 * the team of one of the claiming deals' owners, ADMIN). Rebates and claims are booked by the channel process, not
 * over HTTP.
 */
@RestController
@Tag(name = "Channel partners", description = "Partners, agreement versions (FINANCE, ADMIN) and channel conflicts "
        + "(MANAGER of a claiming deal's owner, ADMIN)")
public class ChannelCommandController {

    private final CommandDispatcher commands;

    public ChannelCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/api/v1/partners", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a channel partner (kind DISTRIBUTOR or AGENT)")
    public Mono<ResponseEntity<WriteResult>> register(@Valid @RequestBody PartnerRequest request) {
        String id = Responses.idOrNew(request.partnerId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/partners/{id}", id, result));
    }

    @PostMapping(path = "/api/v1/partners/{partnerId}/agreements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign the next version of a partner's agreement (immutable; effective after the latest)",
            description = "Body: terms {effectiveFrom, currency, period? (MONTH, QUARTER (default), YEAR), tiers "
                    + "[{fromRevenue, toRevenue?, rate}]}, occurredAt?. Tiers are marginal, by the partner's won "
                    + "revenue in the agreement period, in the agreement's currency.")
    public Mono<ResponseEntity<WriteResult>> agreement(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String partnerId,
                                                       @Valid @RequestBody AgreementVersionRequest request) {
        return commands.send(() -> request.toCommand(partnerId)).map(Responses::ok);
    }

    @PostMapping(path = "/api/v1/channel-conflicts/{conflictId}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resolve a channel conflict naming the winning claim (its deal) and a reason",
            description = "conflictId as raised, e.g. conflict:1:Acme Corporation (URL-encoded). The partners of "
                    + "overruled claims get no rebate for those deals (held ones are dropped, accrued ones reversed).")
    public Mono<ResponseEntity<WriteResult>> resolve(@PathVariable @Size(max = REFERENCE_MAX_LENGTH, message = "must be at most 512 characters") @Pattern(regexp = NO_CONTROL_PATTERN, message = NO_CONTROL_RULE) String conflictId,
                                                     @AuthenticationPrincipal AttainPrincipal principal,
                                                     @Valid @RequestBody ConflictResolutionRequest request) {
        return commands.send(() -> {
            String customerChannelId = ChannelIds.customerChannelIdOfConflict(conflictId);
            if (customerChannelId == null) {
                throw new AggregateNotFoundException(conflictId, "no channel conflict " + conflictId);
            }
            return request.toCommand(customerChannelId, conflictId, principal.id());
        }).map(Responses::ok);
    }
}
