package io.gatehouse.emulator;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@LocalModeOnly
class EmulatorWebConfiguration implements WebMvcConfigurer {

	private final EmulatorSettings settings;

	EmulatorWebConfiguration(EmulatorSettings settings) {
		this.settings = settings;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiGuard(settings.emulatorApiKey())).addPathPatterns("/emulator/**");
	}

}
