package org.civcheck.criteria;

/** A class of problem (存在的主要问题) with the 下步工作思路 that answers it. */
public record ProblemClass(String id, String title, String remedy) {}
