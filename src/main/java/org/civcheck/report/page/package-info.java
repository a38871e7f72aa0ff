/**
 * The web pages' view models: what the results page and the upload page show, computed in
 * plain Java from an {@link org.civcheck.engine.Assessment}, its evidence package, the unit's
 * history and the previous result. Every number a template prints and every piece of geometry
 * it draws (bar widths, SVG coordinates, calendar shading) is decided here, so it can be tested;
 * the jte templates only lay these records out. Renders only; decides nothing about the verdict.
 */
package org.civcheck.report.page;
