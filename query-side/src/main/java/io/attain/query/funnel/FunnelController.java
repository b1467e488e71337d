package io.attain.query.funnel;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Period;
import io.attain.query.api.FunnelView;
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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The funnel of a period, whole or for one cut (region, team, manager, channel, partner or product line). */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class FunnelController {

    private final FunnelQueries funnels;
    private final ProjectionReads reads;

    public FunnelController(FunnelQueries funnels, ProjectionReads reads) {
        this.funnels = funnels;
        this.reads = reads;
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
        Funnel funnel = funnel(period, region, team, manager, channel, partner, productLine);
        return reads.after(FunnelProjection.NAME, minPosition, exchange, funnel::read);
    }

    /** The funnel as a live stream, with the same cuts. */
    @GetMapping(path = "/funnel/{period}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<FunnelView>> funnelStream(@PathVariable String period,
                                                          @RequestParam(required = false) String region,
                                                          @RequestParam(required = false) String team,
                                                          @RequestParam(required = false) String manager,
                                                          @RequestParam(required = false) String channel,
                                                          @RequestParam(required = false) String partner,
                                                          @RequestParam(required = false) String productLine,
                                                          ServerWebExchange exchange) {
        Funnel funnel = funnel(period, region, team, manager, channel, partner, productLine);
        return reads.live(FunnelProjection.NAME, "funnel", exchange, funnel::read);
    }

    private record Funnel(FunnelQueries funnels, Period period, String cut) {
        FunnelView read() {
            return funnels.funnel(period.toString(), cut);
        }
    }

    private Funnel funnel(String period, String region, String team, String manager, String channel, String partner,
                          String productLine) {
        Period p = QueryParams.period(period);
        if (channel != null) {
            QueryParams.oneOf("channel", channel, Arrays.stream(Channel.values()).map(Enum::name).toList(), null);
        }
        Map<String, String> cuts = new LinkedHashMap<>();
        cuts.put("region", region);
        cuts.put("team", team);
        cuts.put("manager", manager);
        cuts.put("channel", channel);
        cuts.put("partner", partner);
        cuts.put("productLine", productLine);
        return new Funnel(funnels, p, QueryParams.cut(cuts, FunnelProjection::cut));
    }
}
