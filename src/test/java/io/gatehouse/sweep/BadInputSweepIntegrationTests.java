package io.gatehouse.sweep;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.account.Accounts;
import io.gatehouse.account.Passwords;
import io.gatehouse.support.GatehouseIntegrationTest;
import io.gatehouse.support.SignedInAs;
import io.gatehouse.support.TestBrowser;
import io.gatehouse.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint the app maps (found from Spring MVC itself, so new ones are swept too), called by a stranger, a
 * signed-in person and an admin with malformed, oversized, wrong-type and missing values in every parameter and path
 * variable: never a 5xx, and none of the stored data changes.
 */
@GatehouseIntegrationTest
@TestPropertySource(properties = "spring.application.name=gatehouse-bad-input-sweep")
class BadInputSweepIntegrationTests {

	/** Endpoints without inputs that act when called at all: they are tested elsewhere. */
	static final Set<String> ACTIONS = Set.of("POST /accounts/logout", "POST /account/sessions/end-others",
			"POST /account/recovery-codes", "POST /directories/sync", "POST /directories/catch-up",
			"POST /emulator/ui/webhooks/pause", "POST /emulator/ui/webhooks/resume");

	static final List<String> VALUES = List.of("", "x".repeat(20_000), "-1", "abc", "\u0000", "<script>alert(1)</script>",
			"1e309", "%", "' or 1=1 --", "null", "999999999999999999999999", "😀\uD800");

	static final List<String> PATH_VALUES = List.of("0", "99999999999999999999", "abc", "%2e%2e", "x".repeat(300), "-1");

	/** Tables whose content bad input must never change (logs, counters and sessions may grow). */
	static final List<String> STORED = List.of("users", "user_groups", "organizations", "organization_domains",
			"identity_links", "login_rules", "mfa_factors", "recovery_codes", "password_reset_tokens", "directories",
			"directory_users", "directory_groups", "directory_memberships", "directory_group_mappings",
			"user_directory_groups", "user_mapped_groups");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Accounts accounts;

	@Autowired
	Passwords passwords;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noEndpointAnswers5xxOrChangesStoredDataWhateverItIsSent() {
		accounts.createLocalUser("sweep.person@example.test", "Sweep", "Person", passwords.hash("sweep-person-password"),
				List.of());
		accounts.createAdmin("sweep.admin@example.test", passwords.hash("sweep-admin-password"));
		Map<String, TestBrowser> callers = new LinkedHashMap<>();
		callers.put("stranger", new TestBrowser(port));
		callers.put("person", SignedInAs.password(port, "sweep.person@example.test", "sweep-person-password"));
		callers.put("admin", SignedInAs.password(port, "sweep.admin@example.test", "sweep-admin-password"));
		Map<String, String> csrf = new LinkedHashMap<>();
		callers.forEach((who, browser) -> csrf.put(who,
				browser.get(who.equals("stranger") ? "/accounts/login" : "/account").csrf().orElseThrow()));
		Map<String, String> before = snapshot();

		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			Set<String> names = parameterNames(mapping.getValue());
			for (String pattern : mapping.getKey().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (ACTIONS.contains(method + " " + pattern) || (method != RequestMethod.GET && method != RequestMethod.POST)) {
						continue;
					}
					for (String path : paths(pattern)) {
						for (String value : withMissing()) {
							Map<String, String> fields = new LinkedHashMap<>();
							if (value != null) {
								names.forEach(name -> fields.put(name, value));
							}
							for (Map.Entry<String, TestBrowser> caller : callers.entrySet()) {
								Page answer = call(caller.getValue(), method, path, fields, csrf.get(caller.getKey()));
								requests++;
								if (answer.status() >= 500) {
									failures.add(answer.status() + " " + method + " " + path + " as " + caller.getKey()
											+ " with " + describe(value));
								}
							}
						}
					}
				}
			}
		}

		assertThat(requests).isGreaterThan(1_000);
		assertThat(failures).as("answers with a 5xx").isEmpty();
		assertThat(snapshot()).as("stored data").isEqualTo(before);
	}

	private Page call(TestBrowser browser, RequestMethod method, String path, Map<String, String> fields, String csrf) {
		if (method == RequestMethod.POST) {
			Map<String, String> form = new LinkedHashMap<>(fields);
			form.put("_csrf", csrf);
			return browser.post(path, form);
		}
		StringBuilder query = new StringBuilder();
		fields.forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
			.append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
		return browser.get(path + query);
	}

	/** The request parameters a handler reads, including the fields of the form objects it binds. */
	private static Set<String> parameterNames(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : param.value();
				names.add(!name.isEmpty() ? name : String.valueOf(parameter.getParameterName()));
			}
			Class<?> type = parameter.getParameterType();
			if ((parameter.hasParameterAnnotation(ModelAttribute.class) || type.isRecord()) && type.isRecord()
					&& type.getPackageName().startsWith("io.gatehouse")) {
				for (RecordComponent component : type.getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		return names;
	}

	private static List<String> paths(String pattern) {
		if (!pattern.contains("{")) {
			return List.of(pattern);
		}
		List<String> paths = new ArrayList<>();
		for (String value : PATH_VALUES) {
			paths.add(pattern.replaceAll("\\{[^}]+}", value));
		}
		return paths;
	}

	private static List<String> withMissing() {
		List<String> values = new ArrayList<>(VALUES);
		values.add(null);
		return values;
	}

	private static String describe(String value) {
		return value == null ? "nothing" : value.length() > 40 ? value.length() + " characters" : "'" + value + "'";
	}

	private Map<String, String> snapshot() {
		Map<String, String> tables = new LinkedHashMap<>();
		for (String table : STORED) {
			tables.put(table, String.join("\n", jdbc.sql("select * from " + table)
				.query((rs, i) -> {
					StringBuilder row = new StringBuilder();
					for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
						if (!rs.getMetaData().getColumnName(c).equalsIgnoreCase("last_login_at")) {
							row.append(rs.getObject(c)).append('|');
						}
					}
					return row.toString();
				})
				.list()
				.stream()
				.sorted()
				.toList()));
		}
		return tables;
	}

}
