package io.attain.query.web;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetOwnerType;
import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.Violation;
import io.attain.platform.security.AttainPrincipal;
import io.attain.query.api.AttainmentView;
import io.attain.query.api.DealTimelineView;
import io.attain.query.api.FunnelView;
import io.attain.query.api.LeaderboardView;
import io.attain.query.api.ScorecardView;
import io.attain.query.attainment.AttainmentProjection;
import io.attain.query.attainment.AttainmentQueries;
import io.attain.query.funnel.FunnelProjection;
import io.attain.query.funnel.FunnelQueries;
import io.attain.query.leaderboard.LeaderboardProjection;
import io.attain.query.leaderboard.LeaderboardQueries;
import io.attain.query.scorecard.ScorecardProjection;
import io.attain.query.scorecard.ScorecardQueries;
import io.attain.query.timeline.DealTimelineProjection;
import io.attain.query.timeline.DealTimelineQueries;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query API. Every query reads one read-model document by {@code _id}; with {@code minPosition} (a global
 * position a write returned) it first waits until the read model's processor has passed that position, at most
 * {@code attain.query.consistency-timeout} (default 5 s), else answers 503. Errors are
 * {@code application/problem+json}.
 *
 * <p>Authentication is the platform's security chain (every path here needs an authenticated principal). Which
 * rows a principal may read is decided by {@link QueryAuthorization}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class QueryController {

    /** Set ({@code true}) on query answers while the projection is being rebuilt; they still show the active data. */
    public static final String REBUILD_HEADER = "Attain-Rebuild-In-Progress";

    private final LeaderboardQueries leaderboards;
    private final FunnelQueries funnels;
    private final AttainmentQueries attainment;
    private final ScorecardQueries scorecards;
    private final DealTimelineQueries timelines;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;
    private final Clock clock;

    public QueryController(LeaderboardQueries leaderboards, FunnelQueries funnels, AttainmentQueries attainment,
                           ScorecardQueries scorecards, DealTimelineQueries timelines, ProjectionReads reads,
                           QueryAuthorization authorization, QueryTimeouts timeouts) {
        this.reads = reads;
        this.leaderboards = leaderboards;
        this.funnels = funnels;
        this.attainment = attainment;
        this.scorecards = scorecards;
        this.timelines = timelines;
        this.authorization = authorization;
        this.clock = timeouts.clock();
    }

    /**
     * The consistency timeout, the clock that decides "today" for attainment (never used by projections), and how
     * often a live stream sends a keep-alive comment.
     */
    public record QueryTimeouts(Duration consistency, Clock clock, Duration heartbeat) {
    }

    @GetMapping("/leaderboards/{period}")
    public Mono<LeaderboardView> leaderboard(@PathVariable String period,
                                             @RequestParam(required = false) String metric,
                                             @RequestParam(required = false) String region,
                                             @RequestParam(required = false) String team,
                                             @RequestParam(required = false) String currency,
                                             @RequestParam(required = false) String minPosition,
                                             ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        String m = QueryParams.oneOf("metric", metric, LeaderboardQueries.METRICS, Metric.REVENUE.name());
        Map<String, String> cuts = new LinkedHashMap<>();
        cuts.put("region", region);
        cuts.put("team", team);
        String cut = QueryParams.cut(cuts, LeaderboardProjection::cut);
        String c = QueryParams.currency(currency);
        return reads.after(LeaderboardProjection.NAME, minPosition, exchange, () -> board(p, m, cut, c));
    }

    /** The leaderboard as a live stream: its current state, then its new state after every change. */
    @GetMapping(path = "/leaderboards/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<LeaderboardView>> leaderboardStream(@PathVariable String period,
                                                                    @RequestParam(required = false) String metric,
                                                                    @RequestParam(required = false) String region,
                                                                    @RequestParam(required = false) String team,
                                                                    @RequestParam(required = false) String currency,
                                                                    ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        String m = QueryParams.oneOf("metric", metric, LeaderboardQueries.METRICS, Metric.REVENUE.name());
        Map<String, String> cuts = new LinkedHashMap<>();
        cuts.put("region", region);
        cuts.put("team", team);
        String cut = QueryParams.cut(cuts, LeaderboardProjection::cut);
        String c = QueryParams.currency(currency);
        return reads.live(LeaderboardProjection.NAME, "leaderboard", exchange, () -> board(p, m, cut, c));
    }

    private LeaderboardView board(Period period, String metric, String cut, String currency) {
        try {
            return leaderboards.board(period.toString(), metric, cut, currency);
        } catch (LeaderboardQueries.AmbiguousCurrencyException e) {
            throw QueryParams.invalid("currency", "is required when the board holds several currencies: "
                    + String.join(", ", e.currencies()));
        }
    }

    @GetMapping("/funnel/{period}")
    public Mono<FunnelView> funnel(@PathVariable String period,
                                   @RequestParam(required = false) String region,
                                   @RequestParam(required = false) String team,
                                   @RequestParam(required = false) String manager,
                                   @RequestParam(required = false) String channel,
                                   @RequestParam(required = false) String partner,
                                   @RequestParam(required = false) String productLine,
                                   @RequestParam(required = false) String minPosition,
                                   ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        if (channel != null) {
            QueryParams.oneOf("channel", channel, java.util.Arrays.stream(io.attain.kernel.common.Channel.values())
                                                                  .map(Enum::name).toList(), null);
        }
        Map<String, String> cuts = new LinkedHashMap<>();
        cuts.put("region", region);
        cuts.put("team", team);
        cuts.put("manager", manager);
        cuts.put("channel", channel);
        cuts.put("partner", partner);
        cuts.put("productLine", productLine);
        String cut = QueryParams.cut(cuts, FunnelProjection::cut);
        return reads.after(FunnelProjection.NAME, minPosition, exchange, () -> funnels.funnel(p.toString(), cut));
    }

    /** The funnel as a live stream (cut: {@code region} or {@code team} or none). */
    @GetMapping(path = "/funnel/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<FunnelView>> funnelStream(@PathVariable String period,
                                                          @RequestParam(required = false) String region,
                                                          @RequestParam(required = false) String team,
                                                          @RequestParam(required = false) String manager,
                                                          @RequestParam(required = false) String channel,
                                                          @RequestParam(required = false) String partner,
                                                          @RequestParam(required = false) String productLine,
                                                          ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        Map<String, String> cuts = new LinkedHashMap<>();
        cuts.put("region", region);
        cuts.put("team", team);
        cuts.put("manager", manager);
        cuts.put("channel", channel);
        cuts.put("partner", partner);
        cuts.put("productLine", productLine);
        String cut = QueryParams.cut(cuts, FunnelProjection::cut);
        return reads.live(FunnelProjection.NAME, "funnel", exchange, () -> funnels.funnel(p.toString(), cut));
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
        AttainmentRequest request = attainmentRequest(period, repId, teamId, metric, productLine, asOf);
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
        AttainmentRequest request = attainmentRequest(period, repId, teamId, metric, productLine, asOf);
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

    private AttainmentRequest attainmentRequest(String period, String repId, String teamId, String metric,
                                                String productLine, String asOf) {
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

    @GetMapping("/scorecards/{period}")
    public Mono<ScorecardView> scorecard(@PathVariable String period,
                                         @RequestParam(required = false) String repId,
                                         @RequestParam(required = false) String minPosition,
                                         @AuthenticationPrincipal AttainPrincipal principal,
                                         ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        if (repId == null || repId.isBlank()) {
            throw QueryParams.invalid("repId", "is required");
        }
        return authorization.mayReadOwner(principal, TargetOwnerType.REP, repId)
                            .then(reads.after(ScorecardProjection.NAME, minPosition, exchange,
                                        () -> scorecards.scorecard(repId, p.toString()).orElseThrow(
                                                () -> notFound("repId", "no such rep"))));
    }

    @GetMapping("/deals/{dealId}/timeline")
    public Mono<DealTimelineView> timeline(@PathVariable String dealId,
                                           @RequestParam(required = false) String minPosition,
                                           @AuthenticationPrincipal AttainPrincipal principal,
                                           ServerWebExchange exchange) {
        return reads.after(DealTimelineProjection.NAME, minPosition, exchange, () -> timelines.timeline(dealId))
                .flatMap(timeline -> authorization.mayReadDeal(principal, timeline,
                                                               () -> notFound("dealId", "no such deal")));
    }

    /** The scorecard as a live stream. */
    @GetMapping(path = "/scorecards/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<ScorecardView>> scorecardStream(@PathVariable String period,
                                                                @RequestParam(required = false) String repId,
                                                                @AuthenticationPrincipal AttainPrincipal principal,
                                                                ServerWebExchange exchange) {
        Period p = QueryParams.period(period);
        if (repId == null || repId.isBlank()) {
            throw QueryParams.invalid("repId", "is required");
        }
        return authorization.mayReadOwner(principal, TargetOwnerType.REP, repId).thenMany(
                reads.live(ScorecardProjection.NAME, "scorecard", exchange, () -> scorecards.scorecard(repId, p.toString())
                        .orElseThrow(() -> notFound("repId", "no such rep"))));
    }

    private static ProblemException notFound(String field, String rule) {
        return new ProblemException(ProblemType.NOT_FOUND, field + ": " + rule, List.of(new Violation(field, rule)));
    }
}
