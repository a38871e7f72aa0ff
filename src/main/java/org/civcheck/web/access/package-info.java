/**
 * Who may do what: API tokens kept as salted hashes in a config file, unit and author roles, and
 * the principal a request is made by. The web layer's gate asks it; it knows nothing of HTTP.
 */
package org.civcheck.web.access;
