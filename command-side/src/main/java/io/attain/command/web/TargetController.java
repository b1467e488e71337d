package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.TargetRequest;
import io.attain.command.web.request.TargetRevisionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;

/** Targets of reps and teams; a target lives in the rep or team that owns it. */
@RestController
@RequestMapping(path = "/api/v1/targets", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Targets", description = "Targets of reps and teams")
public class TargetController {

    private final CommandDispatcher commands;

    public TargetController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Assign a target to a rep (ADMIN; MANAGER of the rep's team) or a team (ADMIN)",
            description = "Body: exactly one of repId and teamId; period (2017-05, 2017-Q2 or 2017), metric, amount, "
                    + "currency (money metrics only), productLine (PRODUCT_REVENUE only), targetId, occurredAt.")
    public Mono<ResponseEntity<WriteResult>> assign(@Valid @RequestBody TargetRequest request) {
        String id = Responses.idOrNew(request.targetId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/targets/{id}", id, result));
    }

    @PostMapping("/{targetId}/revisions")
    @Operation(summary = "Revise the amount of a target, for a reason (as for assigning)")
    public Mono<ResponseEntity<WriteResult>> revise(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String targetId,
                                                    @Valid @RequestBody TargetRevisionRequest request) {
        return commands.send(() -> request.toCommand(targetId)).map(Responses::ok);
    }
}
