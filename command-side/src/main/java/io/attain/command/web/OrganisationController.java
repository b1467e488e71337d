package io.attain.command.web;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.attain.command.web.request.ManagerChangeRequest;
import io.attain.command.web.request.OffboardingRequest;
import io.attain.command.web.request.RegionRequest;
import io.attain.command.web.request.RepRequest;
import io.attain.command.web.request.TeamRequest;
import io.attain.command.web.request.TransferRequest;
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

import static io.attain.kernel.common.InputContract.ID_MAX_LENGTH;
import static io.attain.kernel.common.InputContract.ID_RULE;
import static io.attain.kernel.common.InputContract.ID_PATTERN;

/** Regions, teams and reps. */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisation", description = "Regions, teams and reps")
public class OrganisationController {

    private final CommandDispatcher commands;

    public OrganisationController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/regions")
    @Operation(summary = "Create a region (ADMIN)")
    public Mono<ResponseEntity<WriteResult>> createRegion(@Valid @RequestBody RegionRequest request) {
        String id = Responses.idOrNew(request.regionId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/regions/{id}", id, result));
    }

    @PostMapping("/teams")
    @Operation(summary = "Create a team in a region (ADMIN)")
    public Mono<ResponseEntity<WriteResult>> createTeam(@Valid @RequestBody TeamRequest request) {
        String id = Responses.idOrNew(request.teamId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/teams/{id}", id, result));
    }

    @PutMapping("/teams/{teamId}/manager")
    @Operation(summary = "Hand a team over to another manager (ADMIN)")
    public Mono<ResponseEntity<WriteResult>> changeManager(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String teamId,
                                                           @Valid @RequestBody ManagerChangeRequest request) {
        return commands.send(() -> request.toCommand(teamId)).map(Responses::ok);
    }

    @PostMapping("/reps")
    @Operation(summary = "Onboard a rep into an existing team (ADMIN; MANAGER into their own team)")
    public Mono<ResponseEntity<WriteResult>> onboardRep(@Valid @RequestBody RepRequest request) {
        String id = Responses.idOrNew(request.repId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created("/api/v1/reps/{id}", id, result));
    }

    @PostMapping("/reps/{repId}/transfers")
    @Operation(summary = "Transfer a rep to an existing team and/or another manager (ADMIN; MANAGER of the rep's team)")
    public Mono<ResponseEntity<WriteResult>> transferRep(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId,
                                                         @Valid @RequestBody TransferRequest request) {
        return commands.send(() -> request.toCommand(repId)).map(Responses::ok);
    }

    @PostMapping("/reps/{repId}/offboarding")
    @Operation(summary = "Offboard a rep from the effective date on (ADMIN; MANAGER of the rep's team)")
    public Mono<ResponseEntity<WriteResult>> offboardRep(@PathVariable @Size(max = ID_MAX_LENGTH, message = ID_RULE) @Pattern(regexp = ID_PATTERN, message = ID_RULE) String repId,
                                                         @Valid @RequestBody OffboardingRequest request) {
        return commands.send(() -> request.toCommand(repId)).map(Responses::ok);
    }
}
