/**
 * The command line: {@code civcheck check PACKAGE}. Reads arguments, calls the reader and the
 * engine, prints a report in Chinese, and turns the verdict into the contract's exit code.
 */
package org.civcheck.cli;
