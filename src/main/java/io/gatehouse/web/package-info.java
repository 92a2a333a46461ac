/**
 * Shared page support: what every page's layout needs to know (local mode). Depends on no feature module.
 */
@org.jspecify.annotations.NullMarked
package io.gatehouse.web;
