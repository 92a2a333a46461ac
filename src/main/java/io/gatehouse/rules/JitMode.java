package io.gatehouse.rules;

/** Whether a rule may create accounts just in time on a first sign-in. */
public enum JitMode {

	/** Never: only existing accounts sign in. */
	OFF("Off"),
	/** For people whose email matches the rule's pattern. */
	MATCHING_PATTERN("For emails matching the pattern"),
	/** For anyone the rule's connection or organisation vouches for. */
	ANY("Any login from this connection or organisation");

	private final String label;

	JitMode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
