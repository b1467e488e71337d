package io.attain.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bootstrap admin token of the embedded default (no JWT issuer configured).
 *
 * <p>From the environment variable {@value #ENV} when set; otherwise from {@code <data-dir>/admin-token}.
 * If that file does not exist, a random token (256 bits, base64url) is generated, written there with
 * mode 600 (owner read/write only) and printed once in the log; later starts read the file and do not
 * print it again.
 */
public final class AdminToken {

    public static final String ENV = "ATTAIN_ADMIN_TOKEN";
    public static final String FILE_NAME = "admin-token";

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AdminToken() {
    }

    /**
     * @param fromEnvironment the value of {@value #ENV}, or {@code null}
     * @param dataDir         Attain's data directory
     * @return the admin token
     */
    public static String resolve(String fromEnvironment, Path dataDir) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            log.info("Bootstrap admin token: taken from {}", ENV);
            return fromEnvironment.trim();
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            String token = generate();
            Files.createDirectories(file.getParent());
            try {
                create(file);
            } catch (FileAlreadyExistsException raced) {
                return read(file); // another process created it first
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            log.warn("""

                    ************************************************************************
                    Attain generated the bootstrap admin token (shown only this once; stored in
                    {} with mode 600). Send it as: Authorization: Bearer {}
                    ************************************************************************""", file, token);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin token file " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        tightenPermissions(file);
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (token.isEmpty()) {
            throw new IllegalStateException("The admin token file " + file + " is empty; delete it to generate a new token");
        }
        log.info("Bootstrap admin token: read from {}", file);
        return token;
    }

    private static void create(Path file) throws IOException {
        if (isPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setWritable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(true, true);
        }
    }

    private static void tightenPermissions(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            log.warn("The admin token file {} was readable by others; setting its mode to 600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
