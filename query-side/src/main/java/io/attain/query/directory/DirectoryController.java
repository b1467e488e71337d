package io.attain.query.directory;

import io.attain.kernel.common.Metric;
import io.attain.kernel.common.Period;
import io.attain.kernel.target.TargetOwnerType;
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
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The directory's lists. Reps, teams, regions and product lines are open to every authenticated principal (the
 * leaderboards already show every rep's name and team); targets follow the rule of the attainment views
 * ({@link QueryAuthorization#targetOwners}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class DirectoryController {

    private static final List<String> OWNER_TYPES = Arrays.stream(TargetOwnerType.values()).map(Enum::name).toList();

    private final DirectoryQueries directory;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public DirectoryController(DirectoryQueries directory, ProjectionReads reads, QueryAuthorization authorization) {
        this.directory = directory;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/reps")
    public Mono<Page<DirectoryView.Rep>> reps(@RequestParam(required = false) String team,
                                              @RequestParam(required = false) String region,
                                              @RequestParam(required = false) String page,
                                              @RequestParam(required = false) String size,
                                              @RequestParam(required = false) String minPosition,
                                              ServerWebExchange exchange) {
        Paging paging = Paging.of(page, size);
        String t = given("team", team);
        String r = given("region", region);
        return reads.after(DirectoryProjection.NAME, minPosition, exchange, () -> directory.reps(t, r, paging));
    }

    @GetMapping("/teams")
    public Mono<Page<DirectoryView.Team>> teams(@RequestParam(required = false) String region,
                                                @RequestParam(required = false) String page,
                                                @RequestParam(required = false) String size,
                                                @RequestParam(required = false) String minPosition,
                                                ServerWebExchange exchange) {
        Paging paging = Paging.of(page, size);
        String r = given("region", region);
        return reads.after(DirectoryProjection.NAME, minPosition, exchange, () -> directory.teams(r, paging));
    }

    @GetMapping("/regions")
    public Mono<Page<DirectoryView.Region>> regions(@RequestParam(required = false) String page,
                                                    @RequestParam(required = false) String size,
                                                    @RequestParam(required = false) String minPosition,
                                                    ServerWebExchange exchange) {
        Paging paging = Paging.of(page, size);
        return reads.after(DirectoryProjection.NAME, minPosition, exchange, () -> directory.regions(paging));
    }

    @GetMapping("/product-lines")
    public Mono<Page<DirectoryView.ProductLine>> productLines(@RequestParam(required = false) String series,
                                                              @RequestParam(required = false) String page,
                                                              @RequestParam(required = false) String size,
                                                              @RequestParam(required = false) String minPosition,
                                                              ServerWebExchange exchange) {
        Paging paging = Paging.of(page, size);
        String s = given("series", series);
        return reads.after(DirectoryProjection.NAME, minPosition, exchange,
                           () -> directory.productLines(s, paging));
    }

    /**
     * Targets whose period overlaps {@code period} (when given), of one owner ({@code owner}, with
     * {@code ownerType} REP or TEAM to tell a rep from a team of the same id), of one metric.
     */
    @GetMapping("/targets")
    public Mono<Page<DirectoryView.Target>> targets(@RequestParam(required = false) String period,
                                                    @RequestParam(required = false) String owner,
                                                    @RequestParam(required = false) String ownerType,
                                                    @RequestParam(required = false) String metric,
                                                    @RequestParam(required = false) String page,
                                                    @RequestParam(required = false) String size,
                                                    @RequestParam(required = false) String minPosition,
                                                    @AuthenticationPrincipal AttainPrincipal principal,
                                                    ServerWebExchange exchange) {
        Paging paging = Paging.of(page, size);
        Period p = period == null || period.isBlank() ? null : QueryParams.period(period.trim());
        String type = QueryParams.oneOf("ownerType", given("ownerType", ownerType), OWNER_TYPES, null);
        String m = metric == null || metric.isBlank() ? null : QueryParams.metric(metric.trim()).name();
        DirectoryQueries.TargetFilter filter = new DirectoryQueries.TargetFilter(type, given("owner", owner), m, p);
        return reads.after(DirectoryProjection.NAME, minPosition, exchange, () -> {
            BiPredicate<TargetOwnerType, String> visible = authorization.targetOwners(principal);
            return directory.targets(filter, d -> visible.test(
                    TargetOwnerType.valueOf(d.getString(DirectorySchema.OWNER_TYPE)),
                    d.getString(DirectorySchema.OWNER)), paging);
        });
    }

    /** A filter value: {@code null} when absent, a 400 when given blank. */
    private static String given(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw QueryParams.invalid(field, "must not be blank when given");
        }
        return value.trim();
    }
}
