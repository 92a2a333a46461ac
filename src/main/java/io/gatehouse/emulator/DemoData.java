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

	DemoData(SsoDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void afterPropertiesSet() {
		if (!directory.isEmpty()) {
			return;
		}
		seed("Acme", "acme.test", "Acme Okta", "OktaSAML", ACME, "00u");
		seed("Globex", "globex.test", "Globex Entra ID", "AzureSAML", GLOBEX, "gbx-");
		LOG.info("WorkOS emulator seeded with the demo organisations Acme (acme.test) and Globex (globex.test)");
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
