package io.attain.query.integration;

import io.attain.platform.problem.ProblemException;
import io.attain.platform.problem.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The integrator schemas (ADR 0011): {@code GET /api/v1/schemas} (every type with its revision),
 * {@code GET /api/v1/schemas/{type}} (the JSON Schema of its {@code data}), {@code GET /api/v1/asyncapi.json}. Open to
 * every authenticated principal: schemas describe shapes, not data.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class SchemaController {

    private final SchemaCatalog catalog;

    public SchemaController(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/schemas")
    public ResponseEntity<String> schemas() {
        return json(catalog.list());
    }

    @GetMapping("/schemas/{type}")
    public ResponseEntity<String> schema(@PathVariable String type) {
        return json(catalog.schema(type).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No event type " + type + " (see GET /api/v1/schemas)", List.of())));
    }

    @GetMapping("/asyncapi.json")
    public ResponseEntity<String> asyncApi() {
        return json(catalog.asyncApiJson());
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
