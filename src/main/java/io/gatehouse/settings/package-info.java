/**
 * Gatehouse's settings: one validated record tree bound from {@code gatehouse.*} (environment variables such as
 * {@code WORKOS_API_KEY} and {@code GATEHOUSE_BASE_URL}), plus the public URLs derived from it once the web server
 * knows its port. A leaf module: every other module may read it, it reads none.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.settings;
