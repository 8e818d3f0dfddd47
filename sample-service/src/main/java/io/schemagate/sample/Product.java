package io.schemagate.sample;

import java.time.OffsetDateTime;

/**
 * A product the bakery sells.
 *
 * @param id the product id
 * @param name the display name, unique
 * @param priceCents the unit price in cents
 * @param createdAt when the product was added
 * @author Schemagate
 */
public record Product(long id, String name, int priceCents, OffsetDateTime createdAt) {

}
