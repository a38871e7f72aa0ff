/**
 * Who may do what: API tokens (32 random bytes each) kept in a config file only as their SHA-256
 * hashes, unsalted and fast on purpose (see {@link org.civcheck.web.access.Tokens} for why that is
 * enough for random tokens); unit, author and office roles (an office reads by region, as the unit register places units); the login sessions of the pages (kept in the database by the service); and
 * the principal a request is made by. The web layer's gate asks it; it knows nothing of HTTP.
 */
package org.civcheck.web.access;
