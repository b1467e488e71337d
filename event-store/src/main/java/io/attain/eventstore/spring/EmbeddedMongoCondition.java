package io.attain.eventstore.spring;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no {@code spring.mongodb.uri} is configured: then Attain runs its embedded default. */
class EmbeddedMongoCondition implements Condition {

    static final String URI_PROPERTY = "spring.mongodb.uri";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(URI_PROPERTY));
    }
}
