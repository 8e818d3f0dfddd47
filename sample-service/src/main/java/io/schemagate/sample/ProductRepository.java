package io.schemagate.sample;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the {@code products} table.
 *
 * @author Schemagate
 */
@Repository
public class ProductRepository {

	private static final RowMapper<Product> PRODUCT = (rs, rowNum) -> new Product(rs.getLong("id"),
			rs.getString("name"), rs.getInt("price_cents"), rs.getObject("created_at", OffsetDateTime.class));

	private final JdbcClient jdbc;

	public ProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Return all products ordered by id.
	 * @return the products
	 */
	public List<Product> findAll() {
		return this.jdbc.sql("SELECT id, name, price_cents, created_at FROM products ORDER BY id")
			.query(PRODUCT)
			.list();
	}

	/**
	 * Find a product by id.
	 * @param id the product id
	 * @return the product, if any
	 */
	public Optional<Product> findById(long id) {
		return this.jdbc.sql("SELECT id, name, price_cents, created_at FROM products WHERE id = :id")
			.param("id", id)
			.query(PRODUCT)
			.optional();
	}

	/**
	 * Insert a product.
	 * @param product the validated request
	 * @return the stored product
	 */
	public Product create(NewProduct product) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO products (name, price_cents) VALUES (:name, :priceCents)")
			.param("name", product.name())
			.param("priceCents", product.priceCents())
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		return findById(id).orElseThrow();
	}

	/**
	 * Return which of the given ids exist.
	 * @param ids the product ids to look up
	 * @return the ids that exist
	 */
	public Set<Long> findExistingIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT id FROM products WHERE id IN (:ids)").param("ids", ids).query(Long.class).list());
	}

}
