package io.attain.query.deallist;

import io.attain.query.projection.Generations;
import io.attain.query.projection.ProjectionRuntime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deal list's queries (its projection is registered with the others in the query side's runtime). */
@Configuration(proxyBeanMethods = false)
public class DealListConfiguration {

    @Bean
    public DealListQueries dealListQueries(Generations generations, ProjectionRuntime runtime) {
        return new DealListQueries(generations, () -> local(generations, runtime));
    }

    /** The active generation's in-memory list if this instance's processor holds its claim, else {@code null}. */
    static DealListIndex local(Generations generations, ProjectionRuntime runtime) {
        if (!runtime.claimsAllSegments(generations.activeProcessor(DealListProjection.NAME))) {
            return null;
        }
        return runtime.projection(DealListProjection.NAME) instanceof DealListProjection p ? p.index() : null;
    }
}
