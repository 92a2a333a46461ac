package io.gatehouse.workos;

/**
 * A TOTP factor WorkOS has just created: what the person needs to add it to an authenticator app. The secret is shown
 * once, at enrolment; never store or log it.
 *
 * @param qrCode a {@code data:image/png;base64,…} URI
 * @param uri the {@code otpauth://} URI inside the QR code
 */
public record TotpEnrolment(String factorId, String secret, String qrCode, String uri) {

	@Override
	public String toString() {
		return "TotpEnrolment[factorId=" + factorId + ", secret=<hidden>]";
	}

}
