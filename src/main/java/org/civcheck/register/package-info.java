/**
 * The register of units and regions: which region (省 → 市 → 区/县) each 文明单位 belongs to, and
 * its title's level, as a 文明办 keeps it in a CSV file (read with file and line in every fault).
 * Plain data; the store keeps it, the web layer scopes an office's reading by it.
 */
package org.civcheck.register;
