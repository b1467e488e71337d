package io.attain.query.contest;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainPrincipal;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryAuthorization;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contests:
 * <ul>
 *     <li>{@code GET /api/v1/contests}: the contests the principal may read, without standings;</li>
 *     <li>{@code GET /api/v1/contests/{contestId}}: one contest with its ranked standings, prizes and awards;</li>
 *     <li>{@code GET /api/v1/contests/{contestId}/stream} (also {@code …/live}): the same as {@code text/event-stream},
 *     the current state and then the new state after every change, like the other live views;</li>
 * </ul>
 * Who reads what: {@link QueryAuthorization#mayReadContest}. A rep's recognitions: {@code RecognitionController}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ContestQueryController {

    private final ContestQueries contests;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public ContestQueryController(ContestQueries contests, ProjectionReads reads, QueryAuthorization authorization) {
        this.contests = contests;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/contests")
    public Mono<Map<String, Object>> list(@RequestParam(required = false) String minPosition,
                                          @AuthenticationPrincipal AttainPrincipal principal,
                                          ServerWebExchange exchange) {
        return reads.after(ContestProjection.NAME, minPosition, exchange, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contests", contests.all().stream()
                    .filter(c -> authorization.readsContest(principal, ContestQueries.audience(c))).toList());
            return body;
        });
    }

    @GetMapping("/contests/{contestId}")
    public Mono<Map<String, Object>> contest(@PathVariable String contestId,
                                             @RequestParam(required = false) String minPosition,
                                             @AuthenticationPrincipal AttainPrincipal principal,
                                             ServerWebExchange exchange) {
        return reads.after(ContestProjection.NAME, minPosition, exchange, () -> contests.contest(contestId))
                .flatMap(found -> found.isEmpty()
                        ? Mono.error(missing(principal))
                        : authorization.mayReadContest(principal, ContestQueries.audience(found.get()))
                                       .thenReturn(found.get()));
    }

    /** The contest (with its standings) as a live stream: its current state, then its new state after every change. */
    @GetMapping(path = {"/contests/{contestId}/stream", "/contests/{contestId}/live"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Map<String, Object>>> contestStream(@PathVariable String contestId,
                                                                    @AuthenticationPrincipal AttainPrincipal principal,
                                                                    ServerWebExchange exchange) {
        return Mono.fromCallable(() -> contests.contest(contestId)).subscribeOn(Schedulers.boundedElastic())
                   .flatMap(found -> found.isEmpty()
                           ? Mono.<Void>error(missing(principal))
                           : authorization.mayReadContest(principal, ContestQueries.audience(found.get())))
                   .thenMany(reads.live(ContestProjection.NAME, "contest", exchange,
                                  () -> contests.contest(contestId).orElseThrow(() -> missing(principal))));
    }

    /** 404 to those who may read every contest; 403 to the others, as for a contest they may not read. */
    private static ProblemException missing(AttainPrincipal principal) {
        return QueryAuthorization.seesAllContests(principal)
                ? new ProblemException(ProblemType.NOT_FOUND, "contestId: no such contest",
                                       List.of(new Violation("contestId", "no such contest")))
                : new ProblemException(ProblemType.FORBIDDEN, "Access denied", List.of());
    }
}
