/**
 * The self-check report draft (自查报告): an {@link org.civcheck.engine.Assessment} and its evidence
 * package written up in the three parts of a unit's annual 创建 report — 一、创建工作开展情况 (what the
 * evidence shows, by the criteria's categories), 二、创建工作中存在的主要问题 (one paragraph per problem
 * class, from the gaps' findings) and 三、下步工作思路 (the remedies, most points first) — as Markdown
 * or .docx. Every sentence comes from a template in the criteria folder's {@code report.yaml}
 * ({@link org.civcheck.report.draft.DraftTemplates}), filled only with values the package or the
 * assessment holds. Entry point: {@link org.civcheck.report.draft.ReportDrafts}.
 */
package org.civcheck.report.draft;
