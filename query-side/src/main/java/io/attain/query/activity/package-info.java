/**
 * The activity read model: each rep's visits, calls and proposals by month — its projection, its document schema,
 * its queries ({@code GET /api/v1/reps/{repId}/activities}), its controller and its configuration.
 */
package io.attain.query.activity;
