package org.civcheck.store;

/** A package exactly as it was uploaded. */
public record StoredPackage(byte[] bytes, String mediaType, String name, String sha256) {}
