package io.attain.command.process.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ProcessStore} in memory (tests); keeps JSON text like the Mongo store, so state round-trips the same. */
public final class InMemoryProcessStore implements ProcessStore {

    private final Map<String, String> documents = new ConcurrentHashMap<>();

    @Override
    public String load(String id) {
        return documents.get(id);
    }

    @Override
    public void save(String id, String json) {
        documents.put(id, json);
    }
}
