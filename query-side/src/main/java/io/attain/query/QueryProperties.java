package io.attain.query;

import io.attain.kernel.common.Stage;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Settings of the read side ({@code attain.query.*}). */
@ConfigurationProperties("attain.query")
public class QueryProperties {

    /** Events per projection batch: one journal write, one bulk write per collection and one token update each. */
    private int batchSize = 200;
    /** How often an idle processor looks for an unclaimed segment (e.g. after an error released it). */
    private Duration tokenClaimInterval = Duration.ofSeconds(1);
    /** Read-model documents each projection keeps cached per collection while it owns its segment. */
    private int cacheSize = 20_000;
    /** How long a query with {@code minPosition} waits for its read model to pass that position before a 503. */
    private Duration consistencyTimeout = Duration.ofSeconds(5);
    /** How often an instance with live-stream listeners checks whether a projection moved (one query per projection). */
    private Duration livePollInterval = Duration.ofMillis(50);
    /** How often a live stream sends a keep-alive comment. */
    private Duration liveHeartbeat = Duration.ofSeconds(15);
    /** How long queries may use a read of a projection's generation pointer (ADR 0004). */
    private Duration generationCache = Duration.ofMillis(250);
    private final Rebuild rebuild = new Rebuild();
    private final Funnel funnel = new Funnel();
    private final Attainment attainment = new Attainment();

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getTokenClaimInterval() {
        return tokenClaimInterval;
    }

    public void setTokenClaimInterval(Duration tokenClaimInterval) {
        this.tokenClaimInterval = tokenClaimInterval;
    }

    public int getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(int cacheSize) {
        this.cacheSize = cacheSize;
    }

    public Duration getConsistencyTimeout() {
        return consistencyTimeout;
    }

    public void setConsistencyTimeout(Duration consistencyTimeout) {
        this.consistencyTimeout = consistencyTimeout;
    }

    public Duration getLivePollInterval() {
        return livePollInterval;
    }

    public void setLivePollInterval(Duration livePollInterval) {
        this.livePollInterval = livePollInterval;
    }

    public Duration getLiveHeartbeat() {
        return liveHeartbeat;
    }

    public void setLiveHeartbeat(Duration liveHeartbeat) {
        this.liveHeartbeat = liveHeartbeat;
    }

    public Duration getGenerationCache() {
        return generationCache;
    }

    public void setGenerationCache(Duration generationCache) {
        this.generationCache = generationCache;
    }

    public Rebuild getRebuild() {
        return rebuild;
    }

    public Funnel getFunnel() {
        return funnel;
    }

    public Attainment getAttainment() {
        return attainment;
    }

    public static class Funnel {
        /**
         * Win probability per open stage, for the weighted pipeline. Defaults: LEAD 0.1, QUALIFIED 0.25, PROPOSAL 0.5,
         * NEGOTIATION 0.75 ({@code attain.query.funnel.stage-probabilities.PROPOSAL=0.4} overrides one).
         */
        private final Map<Stage, BigDecimal> stageProbabilities = new EnumMap<>(Map.of(
                Stage.LEAD, new BigDecimal("0.1"),
                Stage.QUALIFIED, new BigDecimal("0.25"),
                Stage.PROPOSAL, new BigDecimal("0.5"),
                Stage.NEGOTIATION, new BigDecimal("0.75")));

        public Map<Stage, BigDecimal> getStageProbabilities() {
            return stageProbabilities;
        }
    }

    public static class Attainment {
        /** A row is at risk when its attainment trails the linear pace by more than this fraction (0.1 = 10 points). */
        private BigDecimal atRiskMargin = new BigDecimal("0.1");

        public BigDecimal getAtRiskMargin() {
            return atRiskMargin;
        }

        public void setAtRiskMargin(BigDecimal atRiskMargin) {
            this.atRiskMargin = atRiskMargin;
        }
    }

    public static class Rebuild {
        /** How often each instance compares its processors with the generation pointers (and switches rebuilds). */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** How long a former generation is kept after a switch before it is dropped. */
        private Duration retireGrace = Duration.ofSeconds(10);

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getRetireGrace() {
            return retireGrace;
        }

        public void setRetireGrace(Duration retireGrace) {
            this.retireGrace = retireGrace;
        }
    }
}
