package io.attain.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever bench/run was started. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String fromScript = System.getProperty("attain.repo");
        if (fromScript != null) {
            return Path.of(fromScript).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("bench"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run bench/run from inside the repository");
    }

    /**
     * The built standalone app, {@code standalone/target/attain.jar}, or the jar {@code BENCH_ATTAIN_JAR} names (a
     * copy, so that a build during a long run does not replace the jar under it); fails with the build command when
     * missing.
     */
    static Path attainJar() {
        String named = System.getenv("BENCH_ATTAIN_JAR");
        Path jar = named != null && !named.isBlank()
                ? Path.of(named).toAbsolutePath()
                : root().resolve("standalone/target/attain.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: ./mvnw -B -DskipTests package (missing " + jar + ")");
        }
        return jar;
    }
}
