package io.gatehouse.audit;

import io.gatehouse.account.AccountDeactivated;
import io.gatehouse.account.AccountLocked;
import io.gatehouse.account.AccountReactivated;
import io.gatehouse.account.AccountUnlocked;
import io.gatehouse.account.IdpInitiatedSignInChanged;
import io.gatehouse.account.PasswordChanged;
import io.gatehouse.account.SessionsEnded;
import io.gatehouse.account.UserProvisioned;
import io.gatehouse.demo.DemoDataRemoved;
import io.gatehouse.directory.DirectoryUserDeactivated;
import io.gatehouse.directory.DirectoryUserReactivated;
import io.gatehouse.directory.GroupMappingChanged;
import io.gatehouse.directory.WebhookRefused;
import io.gatehouse.login.LoginFailed;
import io.gatehouse.login.LoginSucceeded;
import io.gatehouse.login.SignedOut;
import io.gatehouse.mail.DeliveryFailed;
import io.gatehouse.mfa.FactorEnrolled;
import io.gatehouse.mfa.FactorRemoved;
import io.gatehouse.mfa.FactorsReset;
import io.gatehouse.mfa.RecoveryCodeUsed;
import io.gatehouse.mfa.RecoveryCodesRegenerated;
import io.gatehouse.mfa.StepUpFailed;
import io.gatehouse.mfa.StepUpPassed;
import io.gatehouse.rules.RuleChanged;
import io.gatehouse.sso.MagicLinkRequested;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes an audit entry for each event. Synchronous, so the entry exists before the request answers (and carries that
 * request's client address and user agent); sign-in outcomes are published outside a transaction, provisioning only
 * counts once its transaction commits. Admin actions name the acting admin as the subject.
 */
@Component
class AuditListener {

	private final AuditLog log;

	AuditListener(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(LoginSucceeded event) {
		log.append("login.succeeded", event.userId(), event.email(),
				"method=" + event.method() + rule(event.rule())
						+ (event.via().equals("rule:" + event.rule()) ? "" : " via=" + event.via()));
	}

	@EventListener
	void on(DemoDataRemoved event) {
		log.append("demo_data.removed", null, "demo data removal", "accounts=" + String.join(",", event.accounts())
				+ " rules=" + event.rules() + " organizations=" + event.organizations());
	}

	@EventListener
	void on(MagicLinkRequested event) {
		log.append("magic_link.sent", event.userId(), event.email(), "sender=" + event.sender());
	}

	@EventListener
	void on(LoginFailed event) {
		log.append("login.failed", null, event.subject(),
				"method=" + event.method() + rule(event.rule()) + " reason=" + event.reason());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(FactorEnrolled event) {
		log.append("factor.enrolled", event.userId(), event.email(), "type=" + event.type());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(FactorRemoved event) {
		log.append("factor.removed", event.userId(), event.email(), "type=" + event.type());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(FactorsReset event) {
		log.append("factor.reset", event.userId(), event.actor(),
				"actor=" + event.actor() + " user=" + event.email() + " removed=" + event.removed());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(RecoveryCodeUsed event) {
		log.append("recovery_code.used", event.userId(), event.email(), "remaining=" + event.remaining());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(RuleChanged event) {
		log.append("rule." + event.change(), null, event.actor(),
				"actor=" + event.actor() + rule(event.ruleName()) + " id=" + event.ruleId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(UserProvisioned event) {
		log.append("user.provisioned", event.userId(), event.email(), "source=" + event.source());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(DirectoryUserDeactivated event) {
		log.append("user.deprovisioned", event.userId(), event.email(),
				"directory_user=" + event.directoryUserId() + " state=" + event.state() + " sessions=ended");
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(DirectoryUserReactivated event) {
		log.append("user.reactivated", event.userId(), event.email(), "directory_user=" + event.directoryUserId());
	}

	@EventListener
	void on(WebhookRefused event) {
		log.append("webhook.refused", null, event.remoteAddress(), event.reason());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(GroupMappingChanged event) {
		log.append("directory.group_mapped", null, event.actor(), "directory_group=" + event.directoryGroupId()
				+ (event.appGroup() == null ? " mapping removed" : " app_group=" + event.appGroup()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(IdpInitiatedSignInChanged event) {
		log.append("organization.idp_initiated_changed", null, event.actor(), "actor=" + event.actor()
				+ " organization=" + event.organizationWorkosId() + " allowed=" + event.allowed());
	}

	@EventListener
	void on(DeliveryFailed event) {
		log.append("delivery.failed", event.userId(), event.subject(),
				"kind=" + event.kind() + " reason=" + event.reason() + " attempts=" + event.attempts());
	}

	/** A rule name in a detail: quoted, since names contain spaces. */
	private static String rule(@Nullable String name) {
		return name == null ? "" : " rule=\"" + name + "\"";
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SessionsEnded event) {
		log.append("sessions.ended", event.userId(), event.actor(),
				"user=" + event.email() + " scope=" + event.scope() + " count=" + event.count());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PasswordChanged event) {
		log.append(event.reset() ? "password.reset" : "password.changed", event.userId(), event.email(),
				"sessions_ended=" + event.sessionsEnded());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(RecoveryCodesRegenerated event) {
		log.append("recovery_code.regenerated", event.userId(), event.email(), "replaced=" + event.replaced());
	}

	@EventListener
	void on(StepUpPassed event) {
		log.append("step_up.passed", event.userId(), event.email(), "method=" + event.method());
	}

	@EventListener
	void on(StepUpFailed event) {
		log.append("step_up.failed", event.userId(), event.email(), "method=" + event.method());
	}

	@EventListener
	void on(SignedOut event) {
		log.append("login.signed_out", event.userId(), event.email(), "session=this");
	}

	@EventListener
	void on(AccountLocked event) {
		log.append("user.locked", event.userId(), event.subject(),
				"secret=" + event.secret() + (event.userId() == null ? " account=none" : ""));
	}

	@EventListener
	void on(AccountUnlocked event) {
		log.append("user.unlocked", event.userId(), event.actor(), "actor=" + event.actor() + " user=" + event.email()
				+ " was_locked=" + (event.secrets().isEmpty() ? "none" : String.join(",", event.secrets())));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountDeactivated event) {
		log.append("user.deactivated", event.userId(), event.actor(),
				"actor=" + event.actor() + " user=" + event.email() + " sessions_ended=" + event.sessionsEnded());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountReactivated event) {
		log.append("user.reactivated", event.userId(), event.actor(), "actor=" + event.actor() + " user=" + event.email());
	}

}
