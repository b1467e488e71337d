package io.attain.query.directory;

import io.attain.query.projection.Generations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory's queries (its projection is registered with the others in the query side's runtime). */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    public DirectoryQueries directoryQueries(Generations generations) {
        return new DirectoryQueries(generations);
    }
}
