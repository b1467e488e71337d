/**
 * The deal list read model: one document per deal with what a list shows and filters by (owner, team, stage,
 * channel, the periods it touches), its projection, its queries ({@code GET /api/v1/deals}) and its configuration.
 */
package io.attain.query.deallist;
