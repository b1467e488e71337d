package io.attain.query.attainment;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.platform.security.AttainPrincipal;
import io.attain.query.api.AttainmentView;
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

import java.time.Clock;
import java.time.LocalDate;

/**
 * Attainment of a rep or a team against its target for a period and metric, as of a date (default: today within the
 * period, by the query side's clock — never a projection's).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class AttainmentController {

    private final AttainmentQueries attainment;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;
    private final Clock clock;

    public AttainmentController(AttainmentQueries attainment, ProjectionReads reads, QueryAuthorization authorization,
                                ProjectionReads.QueryTimeouts timeouts) {
        this.attainment = attainment;
        this.reads = reads;
        this.authorization = authorization;
        this.clock = timeouts.clock();
    }

    @GetMapping("/attainment/{period}")
    public Mono<AttainmentView> attainment(@PathVariable String period,
                                           @RequestParam(required = false) String repId,
                                           @RequestParam(required = false) String teamId,
                                           @RequestParam(required = false) String metric,
                                           @RequestParam(required = false) String productLine,
                                           @RequestParam(required = false) String asOf,
                                           @RequestParam(required = false) String minPosition,
                                           @AuthenticationPrincipal AttainPrincipal principal,
                                           ServerWebExchange exchange) {
        AttainmentRequest request = request(period, repId, teamId, metric, productLine, asOf);
        return authorization.mayReadOwner(principal, request.type(), request.owner())
                            .then(reads.after(AttainmentProjection.NAME, minPosition, exchange, request::read));
    }

    /** Attainment as a live stream ({@code asOf} defaults to the day of each update). */
    @GetMapping(path = "/attainment/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<AttainmentView>> attainmentStream(@PathVariable String period,
                                                                  @RequestParam(required = false) String repId,
                                                                  @RequestParam(required = false) String teamId,
                                                                  @RequestParam(required = false) String metric,
                                                                  @RequestParam(required = false) String productLine,
                                                                  @RequestParam(required = false) String asOf,
                                                                  @AuthenticationPrincipal AttainPrincipal principal,
                                                                  ServerWebExchange exchange) {
        AttainmentRequest request = request(period, repId, teamId, metric, productLine, asOf);
        return authorization.mayReadOwner(principal, request.type(), request.owner())
                            .thenMany(reads.live(AttainmentProjection.NAME, "attainment", exchange, request::read));
    }

    private record AttainmentRequest(AttainmentQueries queries, Clock clock, TargetOwnerType type, String owner,
                                     Period period, Metric metric, String productLine, LocalDate asOf) {
        AttainmentView read() {
            LocalDate date = asOf != null ? asOf : AttainmentQueries.defaultAsOf(period, LocalDate.now(clock));
            return queries.attainment(type, owner, period, metric, productLine, date);
        }
    }

    private AttainmentRequest request(String period, String repId, String teamId, String metric, String productLine,
                                      String asOf) {
        Period p = QueryParams.period(period);
        Metric m = QueryParams.metric(metric);
        if ((repId == null) == (teamId == null)) {
            throw QueryParams.invalid(repId == null ? "repId" : "teamId", "exactly one of repId and teamId is required");
        }
        if (m == Metric.PRODUCT_REVENUE && (productLine == null || productLine.isBlank())) {
            throw QueryParams.invalid("productLine", "is required for metric PRODUCT_REVENUE");
        }
        LocalDate date = QueryParams.date("asOf", asOf);
        TargetOwnerType type = repId != null ? TargetOwnerType.REP : TargetOwnerType.TEAM;
        return new AttainmentRequest(attainment, clock, type, repId != null ? repId : teamId, p, m, productLine, date);
    }
}
