package io.attain.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Scenario {@code soak}: the standalone app on a fresh embedded store, then in a loop for a bounded time (env
 * {@code BENCH_SOAK_MINUTES}, default {@value #MINUTES}; at least one round): the CRM import with the sample plan,
 * {@code rebuild all}, {@code verify}, and a second import (which appends nothing). A separate client asks
 * {@code /actuator/health} every 250 ms throughout. Then the process is killed ({@code kill -9}) and started again
 * on the CRM-sized store. Figures: rounds, the longest health answer, health answers slower than 1 s, failed steps,
 * store size after the first import + rebuild and at the end, restart time after the kill.
 */
public final class SoakScenario implements Scenario {

    static final int MINUTES = 20;
    static final String TOKEN = "bench-" + java.util.UUID.randomUUID();
    /** The step under way, named in the line each slow health answer prints. */
    private static final java.util.concurrent.atomic.AtomicReference<String> currentStep =
            new java.util.concurrent.atomic.AtomicReference<>("start");

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public void run(Figures figures) throws Exception {
        Path repo = Repo.root();
        Path jar = Repo.attainJar();
        Path crm = repo.resolveSibling("shared").resolve("data/crm-sales-opportunities");
        Path plan = repo.resolve("docs/plans/sample-plan.json");
        if (!Files.isDirectory(crm)) {
            System.err.println("bench/run soak: no CRM data at " + crm + "; scenario skipped");
            return;
        }
        long minutes = Long.parseLong(System.getenv().getOrDefault("BENCH_SOAK_MINUTES", String.valueOf(MINUTES)));
        Path dataDir = Files.createTempDirectory("attain-bench-soak");
        int httpPort = CommandsScenario.freePort();
        String base = "http://127.0.0.1:" + httpPort;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                                    .executor(Executors.newFixedThreadPool(2)).build();
        Process app = start(jar, dataDir, httpPort, "soak");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong longestHealthNanos = new AtomicLong();
        AtomicLong slowHealth = new AtomicLong();
        AtomicLong healthChecks = new AtomicLong();
        currentStep.set("start");
        Thread health = new Thread(() -> {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                try {
                    http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                         .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    // counted as slow below (a timeout or a refused connection is no answer within 1 s)
                }
                long took = System.nanoTime() - t0;
                healthChecks.incrementAndGet();
                longestHealthNanos.accumulateAndGet(took, Math::max);
                if (took > TimeUnit.SECONDS.toNanos(1)) {
                    slowHealth.incrementAndGet();
                    System.err.printf("bench/run soak: health answered in %d ms at %s, during %s%n",
                                      TimeUnit.NANOSECONDS.toMillis(took), java.time.Instant.now(), currentStep.get());
                }
                try {
                    Thread.sleep(250); // the probe's interval
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-health");
        int rounds = 0;
        int failedSteps = 0;
        long sizeAfterFirst = -1;
        try {
            CommandsScenario.awaitHealthy(http, base, app, dataDir, Duration.ofMinutes(5));
            health.start();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            do {
                rounds++;
                failedSteps += step(jar, dataDir, "import-" + rounds, List.of("import", "crm", crm.toString(),
                                    "--server", base, "--plan", plan.toString()));
                failedSteps += step(jar, dataDir, "rebuild-" + rounds, List.of("rebuild", "all", "--server", base));
                if (rounds == 1) {
                    sizeAfterFirst = size(dataDir.resolve("store"));
                }
                failedSteps += step(jar, dataDir, "verify-" + rounds, List.of("verify", "--server", base));
                failedSteps += step(jar, dataDir, "reimport-" + rounds, List.of("import", "crm", crm.toString(),
                                    "--server", base, "--plan", plan.toString()));
                System.err.printf("bench/run soak: round %d done, failed steps %d, longest health %d ms, store %d MB%n",
                                  rounds, failedSteps, TimeUnit.NANOSECONDS.toMillis(longestHealthNanos.get()),
                                  size(dataDir.resolve("store")) >> 20);
            } while (System.nanoTime() < end);
        } finally {
            stop.set(true);
            health.interrupt();
            health.join(TimeUnit.SECONDS.toMillis(40));
        }
        long sizeAtEnd = size(dataDir.resolve("store"));
        app.destroyForcibly(); // kill -9 of the CRM-sized store
        app.waitFor(30, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        app = start(jar, dataDir, httpPort, "restart");
        try {
            CommandsScenario.awaitHealthy(http, base, app, dataDir, Duration.ofMinutes(5));
        } finally {
            long restart = System.nanoTime() - t0;
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
            figures.print("rounds", rounds, "rounds");
            figures.print("failed_steps", failedSteps, "steps");
            figures.print("health_checks", healthChecks.get(), "requests");
            figures.print("longest_health_answer", TimeUnit.NANOSECONDS.toMillis(longestHealthNanos.get()), "ms");
            figures.print("health_answers_over_1s", slowHealth.get(), "requests");
            figures.print("store_bytes_after_import_and_rebuild_all", sizeAfterFirst, "bytes");
            figures.print("store_bytes_at_end", sizeAtEnd, "bytes");
            figures.print("restart_after_kill_crm_store", TimeUnit.NANOSECONDS.toMillis(restart), "ms");
        }
    }

    /** Starts the app; its GC log (and JFR recording, if asked for) are named after {@code run}, so a restart keeps them. */
    private static Process start(Path jar, Path dataDir, int httpPort, String run) throws Exception {
        List<String> command = new ArrayList<>(List.of(CommandsScenario.javaBin(), "-Xmx3g",
                                                       "-Xlog:gc*:file=" + dataDir.resolve("gc-" + run + ".log") + ":time,uptime"));
        String jfr = System.getenv("BENCH_APP_JFR");   // e.g. BENCH_APP_JFR=/tmp/soak.jfr: profile the app
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + jfr.replaceFirst("(\\.jfr)?$", "-" + run + ".jfr")
                        + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort, "--attain.data-dir=" + dataDir,
                               "--logging.level.root=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        builder.environment().put("ATTAIN_ADMIN_TOKEN", TOKEN);
        return builder.start();
    }

    /** Runs one command-line step of the app's jar; 1 if it failed, else 0. */
    private static int step(Path jar, Path dataDir, String name, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CommandsScenario.javaBin(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile());
        builder.environment().put("ATTAIN_TOKEN", TOKEN);
        long t0 = System.nanoTime();
        currentStep.set(name);
        int exit = builder.start().waitFor();
        currentStep.set("after " + name);
        System.err.printf("bench/run soak: %s exit %d in %.1f s%n", name, exit, (System.nanoTime() - t0) / 1e9);
        return exit == 0 ? 0 : 1;
    }

    static long size(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
