package io.attain.platform.web;

import io.attain.platform.problem.ProblemType;
import io.attain.platform.problem.ProblemWriter;
import io.attain.platform.problem.Problems;
import io.attain.platform.problem.Violation;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Spring Security's firewall refuses a request whose path carries an encoded {@code %}, a control character (an
 * encoded NUL or line break) or another form it does not route; it answered a bare 400. This answers the same
 * 400 as {@code application/problem+json} naming {@code path} (which path variable it was the firewall does not
 * know), like every other refusal.
 */
@Component
public class RejectedPathProblem implements ServerExchangeRejectedHandler {

    static final String RULE = "must not contain encoded %, control characters or other characters the API refuses";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return ProblemWriter.write(exchange, Problems.detail(ProblemType.MALFORMED_REQUEST,
                "The request path is refused: " + RULE, List.of(new Violation("path", RULE))));
    }
}
