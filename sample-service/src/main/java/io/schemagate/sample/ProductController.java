package io.schemagate.sample;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST endpoints for {@code /products}.
 *
 * @author Schemagate
 */
@RestController
@RequestMapping("/products")
public class ProductController {

	private final ProductRepository products;

	public ProductController(ProductRepository products) {
		this.products = products;
	}

	@GetMapping
	List<Product> list() {
		return this.products.findAll();
	}

	@GetMapping("/{id}")
	Product get(@PathVariable long id) {
		return this.products.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No product with id " + id));
	}

	@PostMapping
	ResponseEntity<Product> create(@RequestBody NewProduct request) {
		Product product = this.products.create(request.validated());
		return ResponseEntity.created(URI.create("/products/" + product.id())).body(product);
	}

}
