/**
 * The liaison's 台账 workbook: the blank template generated from the criteria set, a package
 * written out as a workbook, and a workbook (alone, or zipped with its files) read as a package,
 * with every fault at its sheet and cell. {@link org.civcheck.ledger.LedgerLayout} declares the
 * sheets and columns once; {@link org.civcheck.ledger.LedgerWriter} and
 * {@link org.civcheck.ledger.LedgerReader} both follow it. {@link org.civcheck.ledger.SubmissionReader}
 * reads a package in any form it may come in. Depends on {@code evidence} only.
 */
package org.civcheck.ledger;
