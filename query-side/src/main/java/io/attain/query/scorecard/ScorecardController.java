package io.attain.query.scorecard;

import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.platform.security.AttainPrincipal;
import io.attain.query.api.ScorecardView;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryAuthorization;
import io.attain.query.web.QueryParams;
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

/** A rep's scorecard for a period: every metric's actual against its target. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class ScorecardController {

    private final ScorecardQueries scorecards;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public ScorecardController(ScorecardQueries scorecards, ProjectionReads reads, QueryAuthorization authorization) {
        this.scorecards = scorecards;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/scorecards/{period}")
    public Mono<ScorecardView> scorecard(@PathVariable String period,
                                         @RequestParam(required = false) String repId,
                                         @RequestParam(required = false) String minPosition,
                                         @AuthenticationPrincipal AttainPrincipal principal,
                                         ServerWebExchange exchange) {
        Scorecard scorecard = scorecard(period, repId);
        return authorization.mayReadOwner(principal, TargetOwnerType.REP, repId)
                            .then(reads.after(ScorecardProjection.NAME, minPosition, exchange, scorecard::read));
    }

    /** The scorecard as a live stream. */
    @GetMapping(path = "/scorecards/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<ScorecardView>> scorecardStream(@PathVariable String period,
                                                                @RequestParam(required = false) String repId,
                                                                @AuthenticationPrincipal AttainPrincipal principal,
                                                                ServerWebExchange exchange) {
        Scorecard scorecard = scorecard(period, repId);
        return authorization.mayReadOwner(principal, TargetOwnerType.REP, repId)
                            .thenMany(reads.live(ScorecardProjection.NAME, "scorecard", exchange, scorecard::read));
    }

    private record Scorecard(ScorecardQueries scorecards, String repId, Period period) {
        ScorecardView read() {
            return scorecards.scorecard(repId, period.toString())
                             .orElseThrow(() -> QueryParams.notFound("repId", "no such rep"));
        }
    }

    private Scorecard scorecard(String period, String repId) {
        Period p = QueryParams.period(period);
        if (repId == null || repId.isBlank()) {
            throw QueryParams.invalid("repId", "is required");
        }
        return new Scorecard(scorecards, repId, p);
    }
}
