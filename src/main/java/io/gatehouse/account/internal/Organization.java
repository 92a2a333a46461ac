package io.gatehouse.account.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "organizations")
public class Organization {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "workos_id", nullable = false, unique = true)
	private String workosId;

	@Column(nullable = false)
	private String name;

	@Column(name = "idp_initiated_allowed", nullable = false)
	private boolean idpInitiatedAllowed;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "organization_domains", joinColumns = @JoinColumn(name = "organization_id"))
	@Column(name = "domain")
	private List<String> domains = new ArrayList<>();

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Organization() {
	}

	public Organization(String workosId, String name, Instant now) {
		this.workosId = workosId;
		this.name = name;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getWorkosId() {
		return workosId;
	}

	public String getName() {
		return name;
	}

	public boolean isIdpInitiatedAllowed() {
		return idpInitiatedAllowed;
	}

	public List<String> getDomains() {
		return List.copyOf(domains);
	}

	public boolean ownsDomain(String domain) {
		return domains.contains(domain.toLowerCase(Locale.ROOT));
	}

	public void update(String name, Collection<String> domains, Instant now) {
		List<String> normalized = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
		if (!name.equals(this.name) || !normalized.equals(this.domains)) {
			this.name = name;
			this.domains.clear();
			this.domains.addAll(normalized);
			this.updatedAt = now;
		}
	}

	/** An organisation created locally by a rule's {@code ~organization}, not (yet) known to WorkOS. */
	public static Organization local(String name, Instant now) {
		return new Organization("local_" + java.util.UUID.randomUUID(), name, now);
	}

	public void allowIdpInitiated(boolean allowed) {
		this.idpInitiatedAllowed = allowed;
	}

}
