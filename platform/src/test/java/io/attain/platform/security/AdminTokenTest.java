package io.attain.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AdminTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void theEnvironmentVariableWinsAndNothingIsWritten() {
        assertThat(AdminToken.resolve("  from-env  ", dataDir)).isEqualTo("from-env");
        assertThat(dataDir.resolve(AdminToken.FILE_NAME)).doesNotExist();
    }

    @Test
    void aGeneratedTokenIsStoredWithMode600AndReusedOnTheNextStart() throws Exception {
        String first = AdminToken.resolve(null, dataDir.resolve("nested"));
        Path file = dataDir.resolve("nested").resolve(AdminToken.FILE_NAME);

        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(file).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AdminToken.resolve(null, dataDir.resolve("nested"))).isEqualTo(first);
        assertThat(AdminToken.resolve("", dataDir.resolve("nested"))).isEqualTo(first);
    }

    @Test
    void tokensAreRandom() {
        assertThat(AdminToken.generate()).isNotEqualTo(AdminToken.generate());
    }

    @Test
    void aFileReadableByOthersIsTightened() throws Exception {
        Path file = dataDir.resolve(AdminToken.FILE_NAME);
        Files.writeString(file, "existing-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(AdminToken.resolve(null, dataDir)).isEqualTo("existing-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anEmptyFileIsAnError() throws Exception {
        Files.writeString(dataDir.resolve(AdminToken.FILE_NAME), "\n");
        assertThatIllegalStateException().isThrownBy(() -> AdminToken.resolve(null, dataDir))
                .withMessageContaining("empty");
    }
}
