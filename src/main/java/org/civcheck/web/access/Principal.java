package org.civcheck.web.access;

/**
 * Who a request comes from: a unit's token (its own unit's assessments only), an author's token
 * (everything), or {@link #OPEN} when the service runs without access control (loopback, no access file).
 */
public record Principal(String tokenId, AccessEntry.Role role, String unit) {

    /** No access control configured: everything is allowed, as before access control existed. */
    public static final Principal OPEN = new Principal(null, AccessEntry.Role.AUTHOR, null);

    public boolean isAuthor() {
        return role == AccessEntry.Role.AUTHOR;
    }

    /** Whether this principal may read or change assessments of {@code unitId}. */
    public boolean mayAccessUnit(String unitId) {
        return isAuthor() || (unit != null && unit.equals(unitId));
    }

    /** The unit a listing is restricted to: the principal's own for a unit token, else {@code asked}. */
    public String unitFilter(String asked) {
        return isAuthor() ? asked : unit;
    }
}
