package io.attain.standalone.store;

import io.attain.eventstore.MongoEventStorageEngine;
import io.attain.eventstore.embedded.EmbeddedMongo;
import io.attain.eventstore.embedded.JournalDisk;
import io.attain.standalone.AttainApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the embedded store's disk fails (here: every journal write fails as on a full disk), the app never leaves a
 * client hanging: the write under way gets 503 problem+json, health is DOWN with the reason, every later write is
 * refused with 503 before anything is appended, and reads go on.
 */
class StoreFailureIntegrationTest {

    static final String TOKEN = "store-failure-admin-token-0123456789";

    @TempDir
    Path dataDir;

    /** A disk that is full once told so. */
    static final class FillableDisk implements JournalDisk {
        final AtomicBoolean full = new AtomicBoolean();

        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            if (full.get()) {
                throw new IOException("No space left on device");
            }
            JournalDisk.super.write(channel, bytes);
        }
    }

    @Test
    void aFullDiskAnswers503ProblemsAndHealthDownNeverAHang() throws Exception {
        FillableDisk disk = new FillableDisk();
        EmbeddedMongo store = EmbeddedMongo.durable(dataDir.resolve("store"), 64L << 20, disk);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AttainApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("attainEmbeddedMongo", store))
                .properties("axoniq.update-checker.disabled=true", "spring.main.banner-mode=off")
                .run("--attain.data-dir=" + dataDir, "--server.port=0", "--ATTAIN_ADMIN_TOKEN=" + TOKEN)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);

            assertThat(post(http, port, "/api/v1/regions", region("North")).statusCode()).isEqualTo(201);
            assertThat(get(http, port, "/actuator/health").body()).contains("\"UP\"");
            long positionsBefore = engine.allocatedPositions();

            disk.full.set(true);
            HttpResponse<String> underWay = post(http, port, "/api/v1/regions", region("South"));
            assertThat(underWay.statusCode()).isEqualTo(503);
            assertThat(underWay.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
            assertThat(underWay.body()).contains("urn:attain:problem:store-unavailable");

            HttpResponse<String> health = get(http, port, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN").contains("No space left on device");

            HttpResponse<String> refused = post(http, port, "/api/v1/regions", region("East"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("urn:attain:problem:store-unavailable").contains("nothing was changed");
            assertThat(engine.allocatedPositions()).as("nothing appended after the failure")
                                                   .isLessThanOrEqualTo(positionsBefore + 1);

            // reads are answered as before
            assertThat(get(http, port, "/api/v1/leaderboards/2017-Q2?metric=REVENUE").statusCode()).isLessThan(500);
        } finally {
            store.close();
        }
    }

    private static String region(String id) {
        return "{\"regionId\":\"" + id + "\",\"name\":\"" + id + "\",\"managerId\":\"vp-" + id + "\"}";
    }

    private static HttpResponse<String> post(HttpClient http, int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                         HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Authorization", "Bearer " + TOKEN).GET().build(),
                         HttpResponse.BodyHandlers.ofString());
    }
}
