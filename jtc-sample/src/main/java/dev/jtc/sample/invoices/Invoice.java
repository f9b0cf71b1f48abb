package dev.jtc.sample.invoices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An issued invoice.
 *
 * @param id the invoice's id, derived from the order so re-issuing it replaces it
 * @param orderId the order it bills
 * @param lines the invoice's lines, in order
 * @param vatId the business customer's VAT id; empty for a consumer
 * @param issuedAt when it was issued
 * @param text the invoice as printed
 */
public record Invoice(UUID id, long orderId, List<String> lines, Optional<String> vatId, Instant issuedAt, String text) {}
