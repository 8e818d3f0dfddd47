package io.schemagate.autoconfigure.health;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Health endpoint groups whose {@code readiness} group also counts the {@code schema}
 * contributor, so a pod is not sent traffic before its schema is ready. Everything else,
 * {@code liveness} included, is left as it was.
 */
final class SchemaReadinessGroups implements HealthEndpointGroups, AdditionalPathsMapper {

	/**
	 * The readiness group's name.
	 */
	static final String READINESS = "readiness";

	private final HealthEndpointGroups groups;

	private final String member;

	/**
	 * Wrap groups.
	 * @param groups the groups, with their readiness group
	 * @param member the contributor name to add to the readiness group
	 */
	SchemaReadinessGroups(HealthEndpointGroups groups, String member) {
		this.groups = groups;
		this.member = member;
	}

	@Override
	public HealthEndpointGroup getPrimary() {
		return this.groups.getPrimary();
	}

	@Override
	public Set<String> getNames() {
		return this.groups.getNames();
	}

	@Override
	public @Nullable HealthEndpointGroup get(String name) {
		HealthEndpointGroup group = this.groups.get(name);
		return (group != null && READINESS.equals(name)) ? new WithMember(group, this.member) : group;
	}

	@Override
	public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
		return (this.groups instanceof AdditionalPathsMapper mapper)
				? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
	}

	private record WithMember(HealthEndpointGroup group, String member) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return this.member.equals(name) || this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
