package org.civcheck.store;

import java.util.List;

/** One page of a listing, newest first, with the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {}
