package io.attain.standalone.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the tests find the published CRM export and the repository's sample plan. */
public final class CrmData {

    static final String DATASET = "shared/data/crm-sales-opportunities";

    private CrmData() {
    }

    /**
     * The published export beside the repository ({@code ../shared/…} from the repository root, or
     * {@code ATTAIN_CRM_DATA}); {@code null} when it is not there.
     */
    public static Path dataset() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("ATTAIN_CRM_DATA");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("..", "..", DATASET));   // from the module directory (Maven's working directory)
        candidates.add(Path.of("..", DATASET));         // from the repository root
        candidates.add(Path.of(DATASET));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("sales_pipeline.csv")))
                .map(p -> p.toAbsolutePath().normalize()).findFirst().orElse(null);
    }

    /** A data directory of its own for one test class in this run (the default file backend under target/). */
    public static String freshDataDirectory(String name) {
        return Path.of("target", name + "-" + ProcessHandle.current().pid()).toAbsolutePath().toString();
    }

    /** The repository's sample plan (the test runs in the module directory or at the repository root). */
    public static Path samplePlan() {
        for (Path p : List.of(Path.of("..", "docs", "plans", "sample-plan.json"), Path.of("docs", "plans", "sample-plan.json"))) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("docs/plans/sample-plan.json not found from " + Path.of("").toAbsolutePath());
    }
}
