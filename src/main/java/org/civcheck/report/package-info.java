/**
 * Reports: renders an {@link org.civcheck.engine.Assessment} for people (a Chinese terminal
 * report) and for programs (the contract's JSON). Renders only; decides nothing.
 */
package org.civcheck.report;
