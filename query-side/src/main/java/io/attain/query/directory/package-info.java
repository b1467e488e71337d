/**
 * The directory read model: the organisation (reps, teams, regions), the product lines and the targets as lists —
 * its projection, its document schema, its queries ({@code GET /api/v1/reps}, {@code /teams}, {@code /regions},
 * {@code /product-lines}, {@code /targets}), its controller and its configuration.
 */
package io.attain.query.directory;
