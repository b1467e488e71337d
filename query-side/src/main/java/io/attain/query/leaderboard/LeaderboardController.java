package io.attain.query.leaderboard;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.query.api.LeaderboardView;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryParams;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leaderboards: one document per period, metric and cut (region or team, or the whole company), read by {@code _id};
 * with {@code minPosition} the answer waits for the projection to pass it. The live stream sends the board again
 * after every change.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class LeaderboardController {

    private final LeaderboardQueries leaderboards;
    private final ProjectionReads reads;

    public LeaderboardController(LeaderboardQueries leaderboards, ProjectionReads reads) {
        this.leaderboards = leaderboards;
        this.reads = reads;
    }

    @GetMapping("/leaderboards/{period}")
    public Mono<LeaderboardView> leaderboard(@PathVariable String period,
                                             @RequestParam(required = false) String metric,
                                             @RequestParam(required = false) String region,
                                             @RequestParam(required = false) String team,
                                             @RequestParam(required = false) String currency,
                                             @RequestParam(required = false) String minPosition,
                                             ServerWebExchange exchange) {
        Board board = board(period, metric, region, team, currency);
        return reads.after(LeaderboardProjection.NAME, minPosition, exchange, board::read);
    }

    /** The leaderboard as a live stream: its current state, then its new state after every change. */
    @GetMapping(path = "/leaderboards/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<LeaderboardView>> leaderboardStream(@PathVariable String period,
                                                                    @RequestParam(required = false) String metric,
                                                                    @RequestParam(required = false) String region,
                                                                    @RequestParam(required = false) String team,
                                                                    @RequestParam(required = false) String currency,
                                                                    ServerWebExchange exchange) {
        Board board = board(period, metric, region, team, currency);
        return reads.live(LeaderboardProjection.NAME, "leaderboard", exchange, board::read);
    }

    /** One board, its parameters checked once for the query and its stream alike. */
    private record Board(LeaderboardQueries leaderboards, Period period, String metric, String cut, String currency) {
        LeaderboardView read() {
            try {
                return leaderboards.board(period.toString(), metric, cut, currency);
            } catch (LeaderboardQueries.AmbiguousCurrencyException e) {
                throw QueryParams.invalid("currency", "is required when the board holds several currencies: "
                        + String.join(", ", e.currencies()));
            }
        }
    }

    private Board board(String period, String metric, String region, String team, String currency) {
        Period p = QueryParams.period(period);
        String m = QueryParams.oneOf("metric", metric, LeaderboardQueries.METRICS, Metric.REVENUE.name());
        Map<String, String> cuts = new LinkedHashMap<>();
        cuts.put("region", region);
        cuts.put("team", team);
        String cut = QueryParams.cut(cuts, LeaderboardProjection::cut);
        return new Board(leaderboards, p, m, cut, QueryParams.currency(currency));
    }
}
