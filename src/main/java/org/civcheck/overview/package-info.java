/**
 * The 文明办's view of its units: the filters a person sets (parsed and checked here, in Chinese),
 * the page's view model (rows in office wording, the chart of verdicts drawn as SVG geometry, the
 * most common gaps with links to the units concerned, the pager) and the .xlsx export of the same
 * rows. Reads the store's overview; the web layer scopes it to the caller's region.
 */
package org.civcheck.overview;
