package io.attain.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code docker-compose.yml}, checked where Docker is not needed: what {@code docker compose config}
 * would refuse (a {@code depends_on} naming no service, a service with neither image nor build, an undeclared named
 * volume, a host port used twice) and what the production layout relies on (a three-member replica set that one
 * service initiates with the script it mounts, the URI and settings every Attain service needs, health checks).
 */
class DockerComposeFileTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> CONDITIONS =
            Set.of("service_started", "service_healthy", "service_completed_successfully");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(REPO.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader); // resolves the x-… anchors and `<<:` merges like Compose does
        }
        services = (Map<String, Map<String, Object>>) (Map<?, ?>) compose.get("services");
        assertThat(services).isNotEmpty();
    }

    @Test
    void everyServiceHasAnImageOrABuildWhoseDockerfileExists() {
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = REPO.resolve(String.valueOf(build.get("context")));
                Object dockerfile = build.get("dockerfile") == null ? "Dockerfile" : build.get("dockerfile");
                assertThat(context.resolve(String.valueOf(dockerfile))).as(name).isRegularFile();
            }
        });
    }

    @Test
    void everyDependencyNamesAServiceAndWaitsOnSomethingItHas() {
        services.forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Collection<?> list) {
                assertThat(services.keySet()).as(name).containsAll(list.stream().map(String::valueOf).toList());
            } else if (dependsOn instanceof Map<?, ?> map) {
                map.forEach((dependency, spec) -> {
                    assertThat(services).as(name + " depends on " + dependency).containsKey(String.valueOf(dependency));
                    String condition = String.valueOf(((Map<?, ?>) spec).get("condition"));
                    assertThat(CONDITIONS).as(name).contains(condition);
                    if (condition.equals("service_healthy")) {
                        assertThat(services.get(String.valueOf(dependency))).as(dependency + " health check")
                                                                            .containsKey("healthcheck");
                    }
                });
            }
        });
    }

    @Test
    void theReplicaSetHasThreeHealthCheckedMembersAndOneServiceInitiatesItWithTheScriptItMounts() throws IOException {
        List<String> members = services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("command")).contains("--replSet"))
                .map(Map.Entry::getKey).toList();
        assertThat(members).hasSize(3);
        for (String member : members) {
            Map<String, Object> service = services.get(member);
            assertThat(String.valueOf(service.get("command"))).contains("rs0");
            assertThat(((Map<?, ?>) service.get("healthcheck")).keySet().stream().map(String::valueOf).toList()).contains("test");
        }
        Map.Entry<String, Map<String, Object>> init = services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("entrypoint")).contains("init-replica-set.js"))
                .findFirst().orElseThrow();
        assertThat(((Map<?, ?>) init.getValue().get("depends_on")).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrderElementsOf(members);
        String mount = ((List<?>) init.getValue().get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.contains("init-replica-set.js")).findFirst().orElseThrow();
        Path script = REPO.resolve(mount.substring(0, mount.indexOf(':')));
        String js = Files.readString(script);
        assertThat(js).contains("_id: \"rs0\"");
        Set<String> hosts = new LinkedHashSet<>();
        Matcher host = Pattern.compile("host: \"([^\"]+)\"").matcher(js);
        while (host.find()) {
            hosts.add(host.group(1));
        }
        assertThat(hosts).containsExactlyInAnyOrderElementsOf(
                members.stream().map(m -> services.get(m).get("hostname") + ":27017").toList());
    }

    @Test
    void everyAttainServiceGetsTheReplicaSetUriAndARequiredAdminTokenFromTheEnvFile() throws IOException {
        List<String> apps = services.entrySet().stream().filter(e -> e.getValue().containsKey("build"))
                                    .map(Map.Entry::getKey).toList();
        assertThat(apps).contains("command-side", "query-side");
        String example = Files.readString(REPO.resolve("docker/attain.env.example"));
        for (String app : apps) {
            Map<?, ?> env = (Map<?, ?>) services.get(app).get("environment");
            String uri = String.valueOf(env.get("SPRING_MONGODB_URI"));
            assertThat(uri).as(app).startsWith("mongodb://").contains("replicaSet=rs0");
            for (String hostPort : uri.substring("mongodb://".length(), uri.indexOf('/', "mongodb://".length()))
                                      .split(",")) {
                String hostname = hostPort.substring(0, hostPort.indexOf(':'));
                assertThat(services.values().stream().map(s -> String.valueOf(s.get("hostname"))).toList())
                        .as(app).contains(hostname);
            }
            assertThat(String.valueOf(env.get("ATTAIN_ADMIN_TOKEN"))).as(app).startsWith("${ATTAIN_ADMIN_TOKEN:?");
            assertThat(((Map<?, ?>) services.get(app).get("depends_on")).values())
                    .as(app + " starts after the set is initiated")
                    .anyMatch(spec -> "service_completed_successfully".equals(((Map<?, ?>) spec).get("condition")));
            for (Object value : env.values()) {
                Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)").matcher(String.valueOf(value));
                while (variable.find()) {
                    assertThat(example).as("docker/attain.env.example names " + variable.group(1))
                                       .contains(variable.group(1));
                }
            }
        }
    }

    @Test
    void hostPortsDoNotCollideAndNamedVolumesAreDeclared() {
        List<String> hostPorts = new ArrayList<>();
        Set<String> namedVolumes = new HashSet<>();
        services.forEach((name, service) -> {
            for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
                String published = String.valueOf(port).replaceAll("\\$\\{[A-Z_]+:-([0-9]+)}", "$1");
                hostPorts.add(published.substring(0, published.lastIndexOf(':')));
            }
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    namedVolumes.add(source);
                }
            }
        });
        assertThat(hostPorts).doesNotHaveDuplicates().isNotEmpty();
        assertThat(((Map<?, ?>) compose.get("volumes")).keySet().stream().map(String::valueOf).toList())
                .containsAll(namedVolumes);
    }
}
