package io.gatehouse.workos;

/** A WorkOS directory (a customer's SCIM or HRIS connection). */
public record DirectoryInfo(String id, String organizationId, String name, String type, String state) {
}
