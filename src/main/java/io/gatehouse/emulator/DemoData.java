package io.gatehouse.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Seeds the emulator once, on its first start: Acme (acme.test, Okta SAML, 20 people) and Globex (globex.test,
 * Microsoft Entra ID SAML, 8 people). Later starts keep whatever the emulator holds.
 */
@Component
@LocalModeOnly
class DemoData implements InitializingBean {

	private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

	/** first, last, department, title, groups */
	private static final List<List<String>> ACME = List.of(
			List.of("Ada", "Lovelace", "Engineering", "Principal Engineer", "Engineering,Admins"),
			List.of("Grace", "Hopper", "Engineering", "Engineering Manager", "Engineering,Managers"),
			List.of("Alan", "Turing", "Research", "Research Scientist", "Research"),
			List.of("Katherine", "Johnson", "Research", "Mathematician", "Research"),
			List.of("Edsger", "Dijkstra", "Engineering", "Staff Engineer", "Engineering"),
			List.of("Barbara", "Liskov", "Engineering", "Architect", "Engineering,Architecture"),
			List.of("Donald", "Knuth", "Research", "Distinguished Scientist", "Research"),
			List.of("Margaret", "Hamilton", "Engineering", "Director of Engineering", "Engineering,Managers"),
			List.of("John", "Neumann", "Finance", "Controller", "Finance"),
			List.of("Frances", "Allen", "Engineering", "Compiler Engineer", "Engineering"),
			List.of("Dennis", "Ritchie", "Engineering", "Systems Engineer", "Engineering"),
			List.of("Radia", "Perlman", "Operations", "Network Architect", "Operations"),
			List.of("Ken", "Thompson", "Operations", "Site Reliability Engineer", "Operations,On-call"),
			List.of("Hedy", "Lamarr", "Sales", "Account Executive", "Sales"),
			List.of("Tim", "Berners-Lee", "Sales", "Solutions Engineer", "Sales"),
			List.of("Shafi", "Goldwasser", "Security", "Security Engineer", "Security,On-call"),
			List.of("Claude", "Shannon", "Finance", "Financial Analyst", "Finance"),
			List.of("Adele", "Goldberg", "People", "People Partner", "People"),
			List.of("Leslie", "Lamport", "Engineering", "Distributed Systems Engineer", "Engineering,Contractors"),
			List.of("Annie", "Easley", "Operations", "Operations Analyst", "Operations"));

	private static final List<List<String>> GLOBEX = List.of(
			List.of("Hank", "Scorpio", "Executive", "Chief Executive", "Executives"),
			List.of("Homer", "Simpson", "Operations", "Safety Inspector", "Operations"),
			List.of("Lenny", "Leonard", "Operations", "Technician", "Operations"),
			List.of("Carl", "Carlson", "Operations", "Shift Supervisor", "Operations,Managers"),
			List.of("Mindy", "Simmons", "Engineering", "Engineer", "Engineering"),
			List.of("Frank", "Grimes", "Engineering", "Engineer", "Engineering"),
			List.of("Patty", "Bouvier", "Finance", "Accountant", "Finance"),
			List.of("Selma", "Bouvier", "Finance", "Accountant", "Finance"));

	private final SsoDirectory directory;

	private final DirectoryStore directories;

	private final EmulatorSettings settings;

	DemoData(SsoDirectory directory, DirectoryStore directories, EmulatorSettings settings) {
		this.directory = directory;
		this.directories = directories;
		this.settings = settings;
	}

	/** first, last, email: people of the emulated OAuth providers. */
	private static final List<List<String>> GOOGLE = List.of(List.of("Alex", "Doe", "alex.doe@gmail.test"),
			List.of("Sam", "Lee", "sam.lee@gmail.test"), List.of("Robin", "Park", "robin.park@gmail.test"));

	private static final List<List<String>> OKTA = List.of(List.of("Olivia", "Okafor", "olivia.okafor@okta.test"),
			List.of("Oscar", "Ortiz", "oscar.ortiz@okta.test"));

	private static final List<List<String>> MICROSOFT = List.of(List.of("Jordan", "Reyes", "jordan.reyes@outlook.test"),
			List.of("Casey", "Nguyen", "casey.nguyen@outlook.test"));

	@Override
	public void afterPropertiesSet() {
		if (directory.isEmpty()) {
			seed("Acme", "acme.test", "Acme Okta", "OktaSAML", ACME, "00u");
			seed("Globex", "globex.test", "Globex Entra ID", "AzureSAML", GLOBEX, "gbx-");
			LOG.info("WorkOS emulator seeded with the demo organisations Acme (acme.test) and Globex (globex.test)");
		}
		seedOAuth("Google OAuth", "GoogleOAuth", GOOGLE, "google-");
		seedOAuth("Microsoft OAuth", "MicrosoftOAuth", MICROSOFT, "msa-");
		seedOAuth("Okta (OIDC)", "OktaOIDC", OKTA, "00uo");
		if (directory.connectionOfType("MagicLink").isEmpty()) {
			directory.createConnection(null, "Magic Link", "MagicLink");
		}
		if (directories.isEmpty()) {
			for (SsoDirectory.Organization organization : directory.organizations()) {
				seedDirectory(organization);
			}
		}
	}

	/**
	 * A SCIM directory per demo organisation with the same people as its test IdP (same emails) plus
	 * {@code emulator-directory-extra-users} more, and their groups.
	 */
	private void seedDirectory(SsoDirectory.Organization organization) {
		String domain = organization.domains().get(0).domain();
		String directoryId = directories.createDirectory(organization.id(), organization.name() + " directory",
				"okta scim v2.0", domain);
		Map<String, String> groups = new LinkedHashMap<>();
		java.util.function.Function<String, String> group = name -> groups.computeIfAbsent(name,
				n -> directories.createGroup(directoryId, "grp-" + n.toLowerCase(Locale.ROOT).replace(' ', '-'), n));
		for (SsoDirectory.Connection connection : directory.connections()) {
			if (!organization.id().equals(connection.organizationId())) {
				continue;
			}
			for (SsoDirectory.Person person : directory.people(connection.id())) {
				List<String> memberOf = person.groups().stream().map(group).toList();
				directories.createUser(directoryId, "scim-" + person.idpId(), person.email(), person.firstName(),
						person.lastName(), person.jobTitle(), "active",
						person.department() == null ? Map.of() : Map.of("department", person.department()),
						Map.of("userName", person.email()), memberOf);
			}
		}
		String staff = group.apply("All Staff");
		for (int i = 1; i <= settings.emulatorDirectoryExtraUsers(); i++) {
			String email = String.format("employee%05d@%s", i, domain);
			directories.createUser(directoryId, String.format("scim-x%05d", i), email, "Employee", String.format("%05d", i),
					"Staff", "active", Map.of("department", "Operations"), Map.of("userName", email), List.of(staff));
		}
	}

	/** The environment-wide OAuth connections WorkOS offers (no organisation), each with a few people. */
	private void seedOAuth(String name, String type, List<List<String>> people, String idPrefix) {
		if (directory.connectionOfType(type).isPresent()) {
			return;
		}
		SsoDirectory.Connection connection = directory.createConnection(null, name, type);
		int number = 0;
		for (List<String> p : people) {
			number++;
			String idpId = idPrefix + (100000 + number * 7919);
			Map<String, Object> raw = new LinkedHashMap<>();
			raw.put("sub", idpId);
			raw.put("email", p.get(2));
			raw.put("email_verified", true);
			raw.put("given_name", p.get(0));
			raw.put("family_name", p.get(1));
			directory.addPerson(connection.id(), idpId, p.get(2), p.get(0), p.get(1), null, null, List.of(), raw);
		}
	}

	private void seed(String name, String domain, String connectionName, String type, List<List<String>> people,
			String idPrefix) {
		SsoDirectory.Organization organization = directory.createOrganization(name, List.of(domain));
		SsoDirectory.Connection connection = directory.createConnection(organization.id(), connectionName, type);
		int number = 0;
		for (List<String> p : people) {
			number++;
			String first = p.get(0);
			String last = p.get(1);
			String email = (first + "." + last.replace("-", "")).toLowerCase(Locale.ROOT) + "@" + domain;
			String idpId = idPrefix + String.format("%05d", 1000 + number * 37);
			List<String> groups = List.of(p.get(4).split(","));
			Map<String, Object> raw = new LinkedHashMap<>();
			raw.put("id", idpId);
			raw.put("email", email);
			raw.put("firstName", first);
			raw.put("lastName", last);
			raw.put("department", p.get(2));
			raw.put("title", p.get(3));
			raw.put("employeeNumber", String.valueOf(10000 + number));
			raw.put("groups", groups);
			directory.addPerson(connection.id(), idpId, email, first, last, p.get(2), p.get(3), groups, raw);
		}
	}

}
