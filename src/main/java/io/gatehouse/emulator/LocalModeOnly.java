package io.gatehouse.emulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The emulator's beans exist only in local mode: {@code gatehouse.mode=local}, which the settings module resolves
 * from {@code GATEHOUSE_MODE} and the {@code WORKOS_*} variables before any bean is made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(LocalModeOnly.WhenLocal.class)
@interface LocalModeOnly {

	class WhenLocal implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isLocal(context.getEnvironment());
		}

		static boolean isLocal(Environment environment) {
			return "local".equals(environment.getProperty("gatehouse.mode"));
		}

	}

}
