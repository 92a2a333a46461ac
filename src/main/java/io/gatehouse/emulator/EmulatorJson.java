package io.gatehouse.emulator;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON for the emulator's stored blobs (profiles, raw attributes). */
@Component
@LocalModeOnly
class EmulatorJson {

	private final JsonMapper mapper = JsonMapper.builder().build();

	String write(Object value) {
		return mapper.writeValueAsString(value);
	}

	Map<String, Object> readObject(String json) {
		return mapper.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	List<String> readStrings(String json) {
		return mapper.readValue(json, new TypeReference<List<String>>() {
		});
	}

	/**
	 * Parses what a person typed as raw attributes.
	 * @throws IllegalArgumentException with a message for the page when it is not a JSON object
	 */
	Map<String, Object> parseObject(String json) {
		try {
			if (mapper.readValue(json, Object.class) instanceof Map<?, ?>) {
				return readObject(json);
			}
		}
		catch (tools.jackson.core.JacksonException e) {
			throw new IllegalArgumentException("This is not valid JSON: " + e.getOriginalMessage());
		}
		throw new IllegalArgumentException("Raw attributes must be a JSON object, like {\"department\": \"Sales\"}.");
	}

}
