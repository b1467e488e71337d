package io.attain.query.activity;

import io.attain.query.projection.Generations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The activity read model's queries (its projection is registered with the others in the query side's runtime). */
@Configuration(proxyBeanMethods = false)
public class ActivityConfiguration {

    @Bean
    public ActivityQueries activityQueries(Generations generations) {
        return new ActivityQueries(generations);
    }
}
