package io.gatehouse.web;

import io.gatehouse.settings.GatehouseSettings;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds what the shared layout shows on every page: whether the app runs in local mode. */
@ControllerAdvice
class LayoutAttributes {

	private final GatehouseSettings settings;

	LayoutAttributes(GatehouseSettings settings) {
		this.settings = settings;
	}

	@ModelAttribute
	void layout(Model model) {
		model.addAttribute("localMode", settings.localMode());
	}

}
