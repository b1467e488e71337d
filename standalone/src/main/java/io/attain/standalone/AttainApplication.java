package io.attain.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Command side and query side in one process; on the embedded MongoDB default unless spring.mongodb.uri is set. */
@SpringBootApplication(scanBasePackages = "io.attain")
public class AttainApplication {
    public static void main(String[] args) {
        // Attain never phones home: Axon's anonymous update check is off unless explicitly switched on.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(AttainApplication.class, args);
    }
}
