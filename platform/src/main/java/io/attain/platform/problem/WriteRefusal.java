package io.attain.platform.problem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * While the application refuses traffic (Boot's readiness state {@code REFUSING_TRAFFIC}, e.g. because the embedded
 * store can no longer make writes durable), every write request is answered at once with {@code 503}
 * problem+json of type {@code urn:attain:problem:store-unavailable}, before anything is read or changed; reads go
 * on. Runs after the security chain, so a request without credentials still gets its 401.
 */
@Component
@Order(0)
public class WriteRefusal implements WebFilter {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                                                         HttpMethod.DELETE);

    private final ObjectProvider<ApplicationAvailability> availability;

    public WriteRefusal(ObjectProvider<ApplicationAvailability> availability) {
        this.availability = availability;
    }

    static boolean refusingTraffic(ApplicationAvailability availability) {
        return availability != null && availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC;
    }

    static ProblemDetail problem() {
        return Problems.detail(ProblemType.STORE_UNAVAILABLE,
                "Attain cannot store writes right now: the store cannot make them durable (see /actuator/health);"
                + " nothing was changed", List.of());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (WRITES.contains(exchange.getRequest().getMethod()) && refusingTraffic(availability.getIfAvailable())) {
            return ProblemWriter.write(exchange, problem());
        }
        return chain.filter(exchange);
    }
}
