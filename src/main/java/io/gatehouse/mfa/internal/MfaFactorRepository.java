package io.gatehouse.mfa.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface MfaFactorRepository extends Repository<MfaFactor, Long> {

	List<MfaFactor> findByUserIdOrderByCreatedAt(long userId);

	Optional<MfaFactor> findByIdAndUserId(Long id, long userId);

	boolean existsByUserId(long userId);

	MfaFactor save(MfaFactor factor);

	void delete(MfaFactor factor);

}
