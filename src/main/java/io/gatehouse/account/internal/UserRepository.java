package io.gatehouse.account.internal;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface UserRepository extends Repository<UserAccount, Long> {

	Optional<UserAccount> findById(Long id);

	Optional<UserAccount> findByEmailNormalized(String emailNormalized);

	UserAccount save(UserAccount user);

}
