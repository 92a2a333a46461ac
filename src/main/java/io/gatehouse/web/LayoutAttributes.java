package io.gatehouse.web;

import io.gatehouse.settings.GatehouseSettings;
import org.webjars.WebJarVersionLocator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds what the shared layout needs on every page: whether the app runs in local mode, and the versioned path of
 * Bootstrap's stylesheet. The version is looked up once here, so page links are not run through Spring's resource
 * chain (which searched the classpath for every link of every page).
 */
@ControllerAdvice
class LayoutAttributes {

	private final GatehouseSettings settings;

	private final String bootstrapCss;

	LayoutAttributes(GatehouseSettings settings) {
		this.settings = settings;
		String version = new WebJarVersionLocator().version("bootstrap");
		if (version == null) {
			throw new IllegalStateException("The Bootstrap webjar is missing from the classpath");
		}
		this.bootstrapCss = "/webjars/bootstrap/" + version + "/css/bootstrap.min.css";
	}

	@ModelAttribute
	void layout(Model model) {
		model.addAttribute("localMode", settings.localMode());
		model.addAttribute("bootstrapCss", bootstrapCss);
	}

}
