package io.attain.query.integration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the integrator feed, stream and snapshot ({@code attain.integration.*}, ADR 0011). */
@ConfigurationProperties("attain.integration")
public class IntegrationProperties {

    /** The CloudEvents {@code source} of every event. */
    private String source = "urn:attain";
    /** The absolute URL Attain is reached at; {@code dataschema} links to {@code <base-url>/api/v1/schemas/<type>}. */
    private String baseUrl = "http://localhost:8080";
    private final Stream stream = new Stream();

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Stream getStream() {
        return stream;
    }

    /** The live stream ({@code attain.integration.stream.*}). */
    public static class Stream {
        /** Events buffered per client at most; the server never holds more for one client. */
        private int buffer = 1000;
        /** How long a client's buffer may stay full while events wait before the client is disconnected. */
        private Duration slowClientTimeout = Duration.ofSeconds(30);
        /** A keep-alive comment when no event was sent for this long (at most 15 s by contract). */
        private Duration heartbeat = Duration.ofSeconds(15);
        /** How often streams look at the log without being told of an append (writes of other instances). */
        private Duration pollInterval = Duration.ofMillis(250);

        public int getBuffer() {
            return buffer;
        }

        public void setBuffer(int buffer) {
            this.buffer = buffer;
        }

        public Duration getSlowClientTimeout() {
            return slowClientTimeout;
        }

        public void setSlowClientTimeout(Duration slowClientTimeout) {
            this.slowClientTimeout = slowClientTimeout;
        }

        public Duration getHeartbeat() {
            return heartbeat;
        }

        public void setHeartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }
}
