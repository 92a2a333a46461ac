package io.gatehouse.emulator;

import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TotpCodes;
import io.gatehouse.workos.TotpEnrolment;
import io.gatehouse.workos.WorkOs;
import io.gatehouse.workos.WorkOsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulated MFA API through the real SDK: WorkOS's answers and errors, as the app sees them. */
@GatehouseIntegrationTest
class EmulatorMfaApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	WorkOs workos;

	@Test
	void totpEnrolmentGivesAWorkingSecretAndUri() {
		TotpEnrolment factor = workos.enrollTotp("Acme Portal", "ada.lovelace@acme.test");

		assertThat(factor.uri()).startsWith("otpauth://totp/Acme%20Portal:ada.lovelace%40acme.test?secret=" + factor.secret())
			.contains("issuer=Acme%20Portal");
		assertThat(factor.qrCode()).startsWith("data:image/png;base64,");
		assertThat(workos.verify(workos.challenge(factor.factorId(), null), TotpCodes.code(factor.secret(), 0))).isTrue();
	}

	@Test
	void aVerifiedChallengeCannotBeVerifiedAgain() {
		TotpEnrolment factor = workos.enrollTotp("Gatehouse", "x@example.test");
		String challenge = workos.challenge(factor.factorId(), null);
		assertThat(workos.verify(challenge, TotpCodes.code(factor.secret(), 0))).isTrue();

		assertThatThrownBy(() -> workos.verify(challenge, TotpCodes.code(factor.secret(), 1)))
			.isInstanceOfSatisfying(WorkOsException.class, e -> {
				assertThat(e.reason()).isEqualTo(WorkOsException.Reason.UNPROCESSABLE);
				assertThat(e.code()).isEqualTo("authentication_challenge_previously_verified");
			});
	}

	@Test
	void codesFromTooFarAwayInTimeAreRefused() {
		TotpEnrolment factor = workos.enrollTotp("Gatehouse", "drift@example.test");

		assertThat(workos.verify(workos.challenge(factor.factorId(), null), TotpCodes.code(factor.secret(), 3))).isFalse();
		assertThat(workos.verify(workos.challenge(factor.factorId(), null), TotpCodes.code(factor.secret(), -3))).isFalse();
	}

	@Test
	void anInvalidPhoneNumberIsWorkOsUnprocessableError() {
		assertThatThrownBy(() -> workos.enrollSms("0800 CALL NOW"))
			.isInstanceOfSatisfying(WorkOsException.class, e -> {
				assertThat(e.reason()).isEqualTo(WorkOsException.Reason.UNPROCESSABLE);
				assertThat(e.code()).isEqualTo("invalid_phone_number");
			});
	}

	@Test
	void smsChallengesLandInTheOutboxWithTheTemplateFilledIn() {
		String factor = workos.enrollSms("+14155550123");

		workos.challenge(factor, "Your Gatehouse code is {{code}}");

		TestBrowser.Page outbox = new TestBrowser(port).get("http://127.0.0.1:" + port + "/emulator/outbox");
		assertThat(outbox.body()).contains("+14155550123").containsPattern("Your Gatehouse code is \\d{6}");
	}

	@Test
	void deletedFactorsAreGone() {
		TotpEnrolment factor = workos.enrollTotp("Gatehouse", "gone@example.test");
		workos.deleteFactor(factor.factorId());

		assertThatThrownBy(() -> workos.challenge(factor.factorId(), null))
			.isInstanceOfSatisfying(WorkOsException.class,
					e -> assertThat(e.reason()).isEqualTo(WorkOsException.Reason.NOT_FOUND));
	}

}
