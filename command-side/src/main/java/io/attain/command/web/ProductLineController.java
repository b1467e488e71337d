package io.attain.command.web;

import io.attain.command.web.request.ProductLineRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;

/** The product lines deals, proposals and product targets name. */
@RestController
@RequestMapping(path = "/api/v1/product-lines", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Product lines", description = "Products and their list prices (ADMIN)")
public class ProductLineController {

    private final CommandDispatcher commands;

    public ProductLineController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Register a product line; its id is the product name")
    public Mono<ResponseEntity<WriteResult>> register(@Valid @RequestBody ProductLineRequest request) {
        return commands.send(request::toCommand, Map.of("currency", "listPrice.currency"))
                .map(result -> Responses.created("/api/v1/product-lines/{id}", request.productLineId(), result));
    }
}
