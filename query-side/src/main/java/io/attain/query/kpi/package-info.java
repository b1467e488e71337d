/**
 * The KPI read model: cost of acquiring a customer (CAC) and customer lifetime value (CLV) per period, with channel
 * and team cuts — its projection, its document schema, its queries ({@code GET /api/v1/kpis/{period}}), its
 * controller and its configuration. Definitions: ADR 0016.
 */
package io.attain.query.kpi;
