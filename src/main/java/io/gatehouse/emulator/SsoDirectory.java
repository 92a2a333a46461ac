package io.gatehouse.emulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The emulator's organisations, their SSO connections and the people each connection's test IdP knows. */
@Component
@LocalModeOnly
public class SsoDirectory {

	public record Organization(String id, String name, List<Domain> domains, OffsetDateTime createdAt,
			OffsetDateTime updatedAt) {
	}

	public record Domain(String id, String organizationId, String domain, OffsetDateTime createdAt) {
	}

	public record Connection(String id, @Nullable String organizationId, String name, String type, String state,
			OffsetDateTime createdAt, OffsetDateTime updatedAt) {

		public boolean active() {
			return "active".equals(state);
		}

		/** How the test IdP page names the product, e.g. "Okta SAML". */
		public String typeLabel() {
			return switch (type) {
				case "OktaSAML" -> "Okta SAML";
				case "AzureSAML" -> "Microsoft Entra ID SAML";
				case "GenericSAML" -> "SAML";
				case "GoogleOAuth" -> "Google OAuth";
				case "MicrosoftOAuth" -> "Microsoft OAuth";
				case "OktaOIDC" -> "Okta OIDC";
				default -> type;
			};
		}

	}

	public record Person(String id, String connectionId, String idpId, String email, @Nullable String firstName,
			@Nullable String lastName, @Nullable String department, @Nullable String jobTitle, List<String> groups,
			Map<String, Object> rawAttributes) {

		public String displayName() {
			String name = ((firstName != null ? firstName : "") + " " + (lastName != null ? lastName : "")).trim();
			return name.isEmpty() ? email : name;
		}

	}

	private final JdbcClient jdbc;

	private final EmulatorJson json;

	SsoDirectory(EmulatorDatabase database, EmulatorJson json) {
		this.jdbc = database.jdbc();
		this.json = json;
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from organizations").query(Long.class).single() == 0;
	}

	Organization createOrganization(String name, List<String> domains) {
		OffsetDateTime now = now();
		String id = Ids.next("org");
		jdbc.sql("insert into organizations (id, name, created_at, updated_at) values (?, ?, ?, ?)")
			.params(id, name, now, now)
			.update();
		for (String domain : domains) {
			jdbc.sql("insert into organization_domains (id, organization_id, domain, created_at) values (?, ?, ?, ?)")
				.params(Ids.next("org_domain"), id, domain.toLowerCase(java.util.Locale.ROOT), now)
				.update();
		}
		return organization(id).orElseThrow();
	}

	Connection createConnection(@Nullable String organizationId, String name, String type) {
		OffsetDateTime now = now();
		String id = Ids.next("conn");
		jdbc.sql("""
				insert into connections (id, organization_id, name, connection_type, state, created_at, updated_at)
				values (?, ?, ?, ?, 'active', ?, ?)""").params(id, organizationId, name, type, now, now).update();
		return connection(id).orElseThrow();
	}

	void addPerson(String connectionId, String idpId, String email, String firstName, String lastName,
			@Nullable String department, @Nullable String jobTitle, List<String> groups, Map<String, Object> raw) {
		jdbc.sql("""
				insert into idp_people (id, connection_id, idp_id, email, first_name, last_name, department, job_title,
				                        groups_json, raw_json)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.next("idp_person"), connectionId, idpId, email, firstName, lastName, department, jobTitle,
					json.write(groups), json.write(raw))
			.update();
	}

	List<Organization> organizations() {
		return jdbc.sql("select * from organizations order by id").query(this::mapOrganization).list();
	}

	Optional<Organization> organization(String id) {
		return jdbc.sql("select * from organizations where id = ?").param(id).query(this::mapOrganization).optional();
	}

	Optional<Organization> organizationByDomain(String domain) {
		return jdbc.sql("""
				select o.* from organizations o join organization_domains d on d.organization_id = o.id
				where d.domain = ?""").param(domain.toLowerCase(java.util.Locale.ROOT))
			.query(this::mapOrganization)
			.optional();
	}

	List<Connection> connections() {
		return jdbc.sql("select * from connections order by id").query(SsoDirectory::mapConnection).list();
	}

	Optional<Connection> connection(String id) {
		return jdbc.sql("select * from connections where id = ?").param(id).query(SsoDirectory::mapConnection).optional();
	}

	/** The environment's active connection of an OAuth type such as {@code GoogleOAuth}. */
	Optional<Connection> connectionOfType(String type) {
		return jdbc.sql("select * from connections where connection_type = ? and organization_id is null order by id")
			.param(type)
			.query(SsoDirectory::mapConnection)
			.list()
			.stream()
			.findFirst();
	}

	/** The organisation's active connection, if it has one. */
	Optional<Connection> activeConnectionOf(String organizationId) {
		return jdbc.sql("select * from connections where organization_id = ? and state = 'active' order by id")
			.param(organizationId)
			.query(SsoDirectory::mapConnection)
			.list()
			.stream()
			.findFirst();
	}

	List<Person> people(String connectionId) {
		return jdbc.sql("select * from idp_people where connection_id = ? order by last_name, first_name")
			.param(connectionId)
			.query(this::mapPerson)
			.list();
	}

	Optional<Person> person(String connectionId, String personId) {
		return jdbc.sql("select * from idp_people where connection_id = ? and id = ?")
			.params(connectionId, personId)
			.query(this::mapPerson)
			.optional();
	}

	private Organization mapOrganization(ResultSet rs, int row) throws SQLException {
		String id = rs.getString("id");
		List<Domain> domains = jdbc.sql("select * from organization_domains where organization_id = ? order by domain")
			.param(id)
			.query((d, i) -> new Domain(d.getString("id"), id, d.getString("domain"),
					d.getObject("created_at", OffsetDateTime.class)))
			.list();
		return new Organization(id, rs.getString("name"), domains, rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	private static Connection mapConnection(ResultSet rs, int row) throws SQLException {
		return new Connection(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
				rs.getString("connection_type"), rs.getString("state"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	private Person mapPerson(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getString("id"), rs.getString("connection_id"), rs.getString("idp_id"),
				rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("department"), rs.getString("job_title"), json.readStrings(rs.getString("groups_json")),
				json.readObject(rs.getString("raw_json")));
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
