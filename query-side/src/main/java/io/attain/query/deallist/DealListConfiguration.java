package io.attain.query.deallist;

import io.attain.query.projection.Generations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deal list's queries (its projection is registered with the others in the query side's runtime). */
@Configuration(proxyBeanMethods = false)
public class DealListConfiguration {

    @Bean
    public DealListQueries dealListQueries(Generations generations) {
        return new DealListQueries(generations);
    }
}
