package io.schemagate.sample;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST endpoints for {@code /orders}.
 *
 * @author Schemagate
 */
@RestController
@RequestMapping("/orders")
public class OrderController {

	private final OrderRepository orders;

	private final ProductRepository products;

	public OrderController(OrderRepository orders, ProductRepository products) {
		this.orders = orders;
		this.products = products;
	}

	@GetMapping
	List<OrderSummary> list(@RequestParam(required = false) String customer) {
		return this.orders.findAll(customer);
	}

	@GetMapping("/{id}")
	Order get(@PathVariable long id) {
		return this.orders.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order with id " + id));
	}

	@PostMapping
	ResponseEntity<Order> create(@RequestBody NewOrder request) {
		NewOrder order = request.validated();
		Set<Long> unknown = new TreeSet<>(order.productIds());
		unknown.removeAll(this.products.findExistingIds(unknown));
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException("unknown product ids " + unknown);
		}
		long id = this.orders.create(order);
		return ResponseEntity.created(URI.create("/orders/" + id)).body(get(id));
	}

}
