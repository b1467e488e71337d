package io.attain.command.web;

import io.attain.command.web.request.CallRequest;
import io.attain.command.web.request.ProposalRequest;
import io.attain.command.web.request.VisitRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;


/** Visits, calls and proposals a rep logs; an activity lives in its rep. */
@RestController
@RequestMapping(path = "/api/v1/activities", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Activities", description = "Customer visits, calls and proposals (ADMIN; MANAGER for their team's reps; REP for themselves)")
public class ActivityController {

    private static final String LOCATION = "/api/v1/activities/{id}";

    private final CommandDispatcher commands;

    public ActivityController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/visits")
    @Operation(summary = "Log a customer visit")
    public Mono<ResponseEntity<WriteResult>> visit(@Valid @RequestBody VisitRequest request) {
        String id = Responses.idOrNew(request.activityId());
        return commands.send(() -> request.toCommand(id)).map(result -> Responses.created(LOCATION, id, result));
    }

    @PostMapping("/calls")
    @Operation(summary = "Log a customer call")
    public Mono<ResponseEntity<WriteResult>> call(@Valid @RequestBody CallRequest request) {
        String id = Responses.idOrNew(request.activityId());
        return commands.send(() -> request.toCommand(id)).map(result -> Responses.created(LOCATION, id, result));
    }

    @PostMapping("/proposals")
    @Operation(summary = "Log a proposal sent to a customer")
    public Mono<ResponseEntity<WriteResult>> proposal(@Valid @RequestBody ProposalRequest request) {
        String id = Responses.idOrNew(request.activityId());
        return commands.send(() -> request.toCommand(id))
                .map(result -> Responses.created(LOCATION, id, result));
    }
}
