package io.gatehouse.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface IdentityLinkRepository extends Repository<IdentityLink, Long> {

	Optional<IdentityLink> findBySourceAndSubject(String source, String subject);

	List<IdentityLink> findByUserIdOrderByLastLoginAtDesc(Long userId);

	IdentityLink save(IdentityLink link);

	boolean existsByUserId(Long userId);

}
