package io.attain.command.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** Answers of the write endpoints, and ids for creations whose id the client did not choose. */
final class Responses {

    private Responses() {
    }

    /** 201 with the location of what was created, e.g. {@code /api/v1/reps/Anna%20Snelling}. */
    static ResponseEntity<WriteResult> created(String pathTemplate, String id, WriteResult result) {
        URI location = UriComponentsBuilder.fromPath(pathTemplate).buildAndExpand(id).encode().toUri();
        return ResponseEntity.created(location).body(result);
    }

    /** 201 with the location of what was created, from a template with several variables. */
    static ResponseEntity<WriteResult> createdAt(String pathTemplate, WriteResult result, Object... ids) {
        URI location = UriComponentsBuilder.fromPath(pathTemplate).buildAndExpand(ids).encode().toUri();
        return ResponseEntity.created(location).body(result);
    }

    static ResponseEntity<WriteResult> ok(WriteResult result) {
        return ResponseEntity.ok(result);
    }

    /** The client's id, or a new random UUID. */
    static String idOrNew(String given) {
        return given != null ? given : UUID.randomUUID().toString();
    }
}
