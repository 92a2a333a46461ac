package io.gatehouse.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface UserRepository extends Repository<UserAccount, Long> {

	Optional<UserAccount> findById(Long id);

	Optional<UserAccount> findByEmailNormalized(String emailNormalized);

	Optional<UserAccount> findByUsernameIgnoreCase(String username);

	List<UserAccount> findByAdminTrueOrderByEmailNormalized();

	@org.springframework.data.jpa.repository.Query("""
			select u from UserAccount u where lower(u.email) like :term or lower(u.username) like :term
			or lower(u.firstName) like :term or lower(u.lastName) like :term order by u.emailNormalized""")
	org.springframework.data.domain.Slice<UserAccount> search(String term, org.springframework.data.domain.Pageable page);

	org.springframework.data.domain.Slice<UserAccount> findAllByOrderByEmailNormalized(
			org.springframework.data.domain.Pageable page);

	@org.springframework.data.jpa.repository.Query("select u.emailNormalized from UserAccount u where u.emailNormalized in :emails")
	java.util.List<String> findExistingEmails(java.util.Collection<String> emails);

	@org.springframework.data.jpa.repository.Query("""
			select u.id from UserAccount u join u.organization o where u.emailNormalized = :email and o.workosId = :organization""")
	Optional<Long> findIdByEmailAndOrganization(String email, String organization);

	UserAccount save(UserAccount user);

	/** The security stamp of an active account; empty when the account is inactive or gone. */
	@org.springframework.data.jpa.repository.Query("select u.securityStamp from UserAccount u where u.id = :id and u.active = true")
	Optional<Long> findActiveSecurityStamp(Long id);

	java.util.List<UserAccount> findByAdminTrueAndActiveTrueOrderByEmailNormalized();

	/** Replaces a password hash unless it changed since it was read; returns 1 if replaced. */
	@org.springframework.transaction.annotation.Transactional
	@org.springframework.data.jpa.repository.Modifying
	@org.springframework.data.jpa.repository.Query("""
			update UserAccount u set u.passwordHash = :replacement where u.id = :id and u.passwordHash = :previous""")
	int replacePasswordHash(Long id, String previous, String replacement);

	@org.springframework.transaction.annotation.Transactional
	@org.springframework.data.jpa.repository.Modifying
	@org.springframework.data.jpa.repository.Query("update UserAccount u set u.passwordHash = :hash where u.id = :id")
	int setPasswordHash(Long id, String hash);

}
