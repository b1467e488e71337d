package io.attain.standalone;

import io.attain.standalone.cli.AuditVerify;
import io.attain.standalone.cli.CrmImport;
import io.attain.standalone.cli.ProjectionRebuild;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * Command side and query side in one process; on the embedded MongoDB default unless spring.mongodb.uri is set.
 *
 * <p>{@code attain.jar import …} instead runs the importer as a plain command-line program (no Spring context, no
 * server): it talks to a running Attain over HTTP, see {@link CrmImport}; {@code attain.jar rebuild …} likewise
 * rebuilds projections of a running Attain, see {@link ProjectionRebuild}; {@code attain.jar verify …} audits the
 * commission statements of a running Attain, see {@link AuditVerify}.
 */
@SpringBootApplication(scanBasePackages = "io.attain")
public class AttainApplication {
    public static void main(String[] args) {
        if (args.length > 0 && "import".equals(args[0])) {
            CrmImport.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "verify".equals(args[0])) {
            AuditVerify.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "rebuild".equals(args[0])) {
            ProjectionRebuild.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Attain never phones home: Axon's anonymous update check is off unless explicitly switched on.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(AttainApplication.class, args);
    }
}
