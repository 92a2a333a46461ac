package io.gatehouse.rules.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface LoginRuleRepository extends Repository<LoginRule, Long> {

	List<LoginRule> findAllByOrderByPriority();

	List<LoginRule> findByDemoTrue();

	Optional<LoginRule> findById(Long id);

	Optional<LoginRule> findByName(String name);

	Optional<LoginRule> findByPriority(int priority);

	long count();

	LoginRule save(LoginRule rule);

	void delete(LoginRule rule);

}
