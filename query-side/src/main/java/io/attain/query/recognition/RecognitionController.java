package io.attain.query.recognition;

import io.attain.platform.security.AttainPrincipal;
import io.attain.query.web.ProjectionReads;
import io.attain.query.web.QueryAuthorization;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * {@code GET /api/v1/reps/{repId}/recognitions}: the rep's prizes and honorary titles, revoked ones included (who
 * reads them: {@link QueryAuthorization#mayReadRecognitions}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class RecognitionController {

    private final RecognitionQueries recognitions;
    private final ProjectionReads reads;
    private final QueryAuthorization authorization;

    public RecognitionController(RecognitionQueries recognitions, ProjectionReads reads,
                                 QueryAuthorization authorization) {
        this.recognitions = recognitions;
        this.reads = reads;
        this.authorization = authorization;
    }

    @GetMapping("/reps/{repId}/recognitions")
    public Mono<Map<String, Object>> recognitions(@PathVariable String repId,
                                                  @RequestParam(required = false) String minPosition,
                                                  @AuthenticationPrincipal AttainPrincipal principal,
                                                  ServerWebExchange exchange) {
        return authorization.mayReadRecognitions(principal, repId)
                            .then(reads.after(RecognitionProjection.NAME, minPosition, exchange,
                                        () -> recognitions.history(repId)));
    }
}
