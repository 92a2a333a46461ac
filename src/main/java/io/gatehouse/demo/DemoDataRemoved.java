package io.gatehouse.demo;

import java.util.List;

/** Connected mode deleted what local mode had seeded ({@code GATEHOUSE_REMOVE_DEMO_DATA=true}). */
public record DemoDataRemoved(List<String> accounts, int rules, int organizations) {
}
