package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.ContestAwardRequest;
import io.attain.command.web.request.ContestCancellationRequest;
import io.attain.command.web.request.ContestParticipantRequest;
import io.attain.command.web.request.ContestRequest;
import io.attain.command.web.request.RecognitionRequest;
import io.attain.command.web.request.RevocationRequest;
import io.attain.command.web.request.StatementActionRequest;
import io.attain.kernel.contest.CancelContestCommand;
import io.attain.kernel.contest.CloseContestCommand;
import io.attain.kernel.contest.RevokeRecognitionCommand;
import io.attain.platform.security.AttainPrincipal;
import io.attain.platform.security.AttainRole;
import io.swagger.v3.oas.annotations.Operation;
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

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;

/**
 * Sales contests (launch, participants, cancel, close, award prizes) and recognition (honorary titles granted to a
 * rep, and their revocation). ADMIN: everything; MANAGER: the contests their team organises and their team's reps
 * ({@code CommandAuthorization}).
 */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Contests and recognition", description = "Sales contests with prizes; honorary titles for reps")
public class ContestCommandController {

    private final CommandDispatcher commands;

    public ContestCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/contests")
    @Operation(summary = "Launch a sales contest (MANAGER: for their own team and its reps; ADMIN: any, teamId "
            + "optional)",
            description = "Body: contestId?, name, teamId? (organising team; a MANAGER's own by default), startsOn, "
                    + "endsOn (business dates, inclusive), metric (REVENUE, DEALS_WON, VISITS, PROPOSALS), "
                    + "currency (REVENUE only), participantRepIds?, participantTeamIds?, prizes? [{rank, money? "
                    + "{amount, currency}, title?}], occurredAt?")
    public Mono<ResponseEntity<WriteResult>> launch(@Valid @RequestBody ContestRequest request,
                                                    @AuthenticationPrincipal AttainPrincipal principal) {
        String id = Responses.idOrNew(request.contestId());
        String organizer = request.teamId() != null ? request.teamId()
                : principal.hasRole(AttainRole.MANAGER) ? principal.teamId() : null;
        return commands.send(() -> request.toCommand(id, organizer, principal.id()),
                        java.util.Map.of("organizerTeamId", "teamId"))
                .map(result -> Responses.created("/api/v1/contests/{id}", id, result));
    }

    @PostMapping("/contests/{contestId}/participants")
    @Operation(summary = "Add a rep or a team (exactly one) to a running contest, until its window ends")
    public Mono<ResponseEntity<WriteResult>> addParticipant(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String contestId,
                                                            @Valid @RequestBody ContestParticipantRequest request) {
        return commands.send(() -> request.toAddCommand(contestId)).map(Responses::ok);
    }

    @PostMapping("/contests/{contestId}/participants/removal")
    @Operation(summary = "Remove a participating rep or team (exactly one), with a reason, until the window ends")
    public Mono<ResponseEntity<WriteResult>> removeParticipant(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String contestId,
                                                               @Valid @RequestBody ContestParticipantRequest request) {
        return commands.send(() -> request.toRemoveCommand(contestId)).map(Responses::ok);
    }

    @PostMapping("/contests/{contestId}/cancellation")
    @Operation(summary = "Cancel a contest that is not closed (nothing is awarded)")
    public Mono<ResponseEntity<WriteResult>> cancel(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String contestId,
                                                    @AuthenticationPrincipal AttainPrincipal principal,
                                                    @Valid @RequestBody ContestCancellationRequest request) {
        return commands.send(() -> new CancelContestCommand(contestId, principal.id(), request.reason(),
                request.occurredAt())).map(Responses::ok);
    }

    @PostMapping("/contests/{contestId}/closing")
    @Operation(summary = "Close a contest after its window's end (body optional: occurredAt)")
    public Mono<ResponseEntity<WriteResult>> close(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String contestId,
                                                   @AuthenticationPrincipal AttainPrincipal principal,
                                                   @RequestBody(required = false) StatementActionRequest request) {
        return commands.send(() -> new CloseContestCommand(contestId, principal.id(),
                request == null ? null : request.occurredAt())).map(Responses::ok);
    }

    @PostMapping("/contests/{contestId}/awards")
    @Operation(summary = "Award the prize of a rank of a closed contest to a participating rep (each rank once, "
            + "a rep at most once)")
    public Mono<ResponseEntity<WriteResult>> award(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String contestId,
                                                   @AuthenticationPrincipal AttainPrincipal principal,
                                                   @Valid @RequestBody ContestAwardRequest request) {
        return commands.send(() -> request.toCommand(contestId, principal.id())).map(Responses::ok);
    }

    @PostMapping("/reps/{repId}/recognitions")
    @Operation(summary = "Grant a rep an honorary title or badge with a reason (MANAGER of the rep's team; ADMIN)")
    public Mono<ResponseEntity<WriteResult>> grant(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId,
                                                   @AuthenticationPrincipal AttainPrincipal principal,
                                                   @Valid @RequestBody RecognitionRequest request) {
        String id = Responses.idOrNew(request.recognitionId());
        return commands.send(() -> request.toCommand(id, repId, principal.id()))
                .map(result -> Responses.createdAt("/api/v1/reps/{repId}/recognitions/{id}", result, repId, id));
    }

    @PostMapping("/recognitions/{recognitionId}/revocation")
    @Operation(summary = "Revoke a recognition with a reason; it stays in the rep's history, marked revoked")
    public Mono<ResponseEntity<WriteResult>> revoke(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String recognitionId,
                                                    @AuthenticationPrincipal AttainPrincipal principal,
                                                    @Valid @RequestBody RevocationRequest request) {
        return commands.send(() -> new RevokeRecognitionCommand(recognitionId, request.reason(), principal.id(),
                request.occurredAt())).map(Responses::ok);
    }
}
