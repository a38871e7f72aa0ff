/**
 * {@code civcheck bench}: measures, on the machine it runs on, what the performance goals
 * talk about — KieBase build cold and warm, reading and scoring packages of 100 to 100,000
 * synthetic activities against plain Jackson parsing (the floor any checker pays), HTTP throughput
 * and latency of {@code POST /api/assessments} on loopback, and peak heap — and reports them
 * (terminal text in Chinese, optionally a Markdown table file). Nothing here asserts a timing: the
 * goals are judged in the report, and written down in {@code BENCHMARKS.md}.
 *
 * <pre>{@code
 * BenchResult r = new Benchmark(BenchConfig.full(criteriaDir, rulesDir, examplesDir)).run(progress);
 * out.print(BenchReport.text(r));
 * }</pre>
 */
package org.civcheck.bench;
