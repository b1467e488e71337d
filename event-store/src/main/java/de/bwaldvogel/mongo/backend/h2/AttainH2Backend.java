package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire server's H2 file backend with {@link AttainH2Database}'s typed maps. Files are marked with their format;
 * a file written with the backend's default (Java-serialised) maps is refused with a clear message instead of being
 * misread.
 */
public final class AttainH2Backend extends H2Backend {

    /** The format of the maps; 2 = BSON documents and keys (1: the backend's Java serialization). */
    public static final int FORMAT = 2;
    static final String FORMAT_MAP = "attain.format";

    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private AttainH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    public static AttainH2Backend open(MVStore store) {
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        Integer written = format.get("format");
        boolean hasData = store.getMapNames().stream().anyMatch(name -> name.startsWith(H2Database.DATABASES_PREFIX));
        if (written == null && hasData) {
            throw new IllegalStateException("The embedded data file " + store.getFileStore().getFileName()
                    + " was written by an older Attain (Java-serialised maps); it cannot be read by this version."
                    + " Move it away (or delete it) to start with an empty store.");
        }
        if (written != null && written != FORMAT) {
            throw new IllegalStateException("The embedded data file " + store.getFileStore().getFileName()
                    + " has format " + written + "; this Attain reads format " + FORMAT);
        }
        format.put("format", FORMAT);
        OPENING.set(store);
        try {
            return new AttainH2Backend(store);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return AttainH2Database.open(databaseName, store != null ? store : OPENING.get(), getCursorRegistry());
    }
}
