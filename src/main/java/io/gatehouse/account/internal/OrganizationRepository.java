package io.gatehouse.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface OrganizationRepository extends Repository<Organization, Long> {

	Optional<Organization> findByWorkosId(String workosId);

	Optional<Organization> findById(long id);

	@Query("select o from Organization o join o.domains d where d = :domain")
	Optional<Organization> findByDomain(String domain);

	List<Organization> findAllByOrderByName();

	Optional<Organization> findFirstByNameIgnoreCase(String name);

	Organization save(Organization organization);

}
