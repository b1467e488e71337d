package io.attain.query.integration.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings of webhook delivery ({@code attain.webhooks.*}). */
@ConfigurationProperties("attain.webhooks")
public class WebhookProperties {

    /** Whether targets on loopback, link-local, private, unique-local and multicast addresses are allowed. */
    private boolean allowPrivateTargets = false;
    /**
     * Delays before the retries of a failed delivery (the Standard Webhooks schedule by default); after the last
     * one fails the webhook is paused. E.g. {@code attain.webhooks.retry-delays=1s,1s,2s}.
     */
    private List<Duration> retryDelays = new ArrayList<>(List.of(
            Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));
    /** How long a receiver has to answer 2xx. */
    private Duration timeout = Duration.ofSeconds(15);
    /** How long connecting to a receiver may take. */
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** How often the worker looks for webhooks with something to deliver. */
    private Duration pollInterval = Duration.ofMillis(200);
    /** How long an instance's claim on a webhook lasts without renewal (another instance takes over after it). */
    private Duration lease = Duration.ofSeconds(60);
    /** Events read from the log per webhook per round. */
    private int batchSize = 100;
    /** Webhooks delivered to in parallel by one instance (each still one request at a time). */
    private int concurrency = 4;
    /** How long the former secret keeps signing after a rotation. */
    private Duration rotationOverlap = Duration.ofHours(24);
    /** Longest {@code Retry-After} of a 429 that is honoured as given (longer ones are cut to this). */
    private Duration maxRetryAfter = Duration.ofHours(1);
    /** Base64 of an AES key (16, 24 or 32 bytes) that seals the stored signing secrets; unset: stored unsealed. */
    private String secretKey;
    /** Whether this instance runs the delivery worker. */
    private boolean workerEnabled = true;

    public boolean isAllowPrivateTargets() {
        return allowPrivateTargets;
    }

    public void setAllowPrivateTargets(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    public List<Duration> getRetryDelays() {
        return retryDelays;
    }

    public void setRetryDelays(List<Duration> retryDelays) {
        this.retryDelays = retryDelays;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Duration getRotationOverlap() {
        return rotationOverlap;
    }

    public void setRotationOverlap(Duration rotationOverlap) {
        this.rotationOverlap = rotationOverlap;
    }

    public Duration getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public boolean isWorkerEnabled() {
        return workerEnabled;
    }

    public void setWorkerEnabled(boolean workerEnabled) {
        this.workerEnabled = workerEnabled;
    }
}
