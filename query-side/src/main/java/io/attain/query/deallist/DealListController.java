package io.attain.query.deallist;

import io.attain.kernel.common.Channel;
import io.attain.kernel.common.Stage;
import io.attain.platform.security.AttainPrincipal;
import io.attain.query.api.Page;
import io.attain.query.web.Paging;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryAuthorization;
import io.attain.query.web.QueryParams;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/v1/deals}: the deals the caller may read ({@link QueryAuthorization#dealListReps}), filtered by
 * owner, team, stage ({@code OPEN} for any open stage), channel, period and customer, in the order asked for
 * ({@code sort}, default {@code -updatedAt}: the latest changed first), one page at a time.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class DealListController {

    private static final List<String> STAGES = concat(Arrays.stream(Stage.values()).map(Enum::name).toList(), "OPEN");
    private static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Enum::name).toList();

    private final DealListQueries deals;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public DealListController(DealListQueries deals, ProjectionReads reads, QueryAuthorization authorization) {
        this.deals = deals;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/deals")
    public Mono<Page<DealListItem>> list(@RequestParam(required = false) String owner,
                                         @RequestParam(required = false) String team,
                                         @RequestParam(required = false) String stage,
                                         @RequestParam(required = false) String channel,
                                         @RequestParam(required = false) String period,
                                         @RequestParam(required = false) String customer,
                                         @RequestParam(required = false) String sort,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size,
                                         @RequestParam(required = false) String minPosition,
                                         @AuthenticationPrincipal AttainPrincipal principal,
                                         ServerWebExchange exchange) {
        Paging paging = Paging.of(page, size);
        String s = QueryParams.oneOf("stage", blankToNull(stage), STAGES, null);
        Set<String> stages = s == null ? null : s.equals("OPEN") ? openStages() : Set.of(s);
        String c = QueryParams.oneOf("channel", blankToNull(channel), CHANNELS, null);
        String p = blankToNull(period) == null ? null : QueryParams.period(period).toString();
        boolean descending = sort == null || sort.isBlank() || sort.startsWith("-");
        String field = sort == null || sort.isBlank() ? "-updatedAt" : sort;
        DealListSchema.Order order = order(field.startsWith("-") ? field.substring(1) : field);
        return reads.after(DealListProjection.NAME, minPosition, exchange, () -> deals.list(
                new DealListQueries.Filter(blankToNull(owner), blankToNull(team), stages, c, p, blankToNull(customer),
                                           authorization.dealListReps(principal)),
                order, descending, paging));
    }

    private static DealListSchema.Order order(String parameter) {
        for (DealListSchema.Order o : DealListSchema.Order.values()) {
            if (o.parameter().equals(parameter)) {
                return o;
            }
        }
        List<String> allowed = Arrays.stream(DealListSchema.Order.values()).map(DealListSchema.Order::parameter)
                                     .toList();
        throw QueryParams.invalid("sort", "must be one of " + String.join(", ", allowed)
                + ", optionally prefixed with - for descending order");
    }

    private static Set<String> openStages() {
        Set<String> open = new TreeSet<>();
        for (Stage stage : EnumSet.allOf(Stage.class)) {
            if (stage.isOpen()) {
                open.add(stage.name());
            }
        }
        return open;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> concat(List<String> values, String more) {
        List<String> out = new java.util.ArrayList<>(values);
        out.add(more);
        return List.copyOf(out);
    }
}
