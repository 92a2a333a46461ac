package io.gatehouse.emulator;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

	/** Before every other filter (security included): a stranger learns nothing, not even that the emulator exists. */
	@Bean
	FilterRegistrationBean<LoopbackOnlyFilter> emulatorForLoopbackClientsOnly() {
		FilterRegistrationBean<LoopbackOnlyFilter> registration = new FilterRegistrationBean<>(new LoopbackOnlyFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setEnabled(!settings.exposed());
		return registration;
	}

}
