package org.civcheck.web.access;

/**
 * Who a request comes from: a unit's token (reads and writes its own unit's assessments only),
 * an author's token (manages criteria and reads every unit's assessments, writes none), or
 * {@link #OPEN} when the service runs without access control (loopback, no access file).
 */
public record Principal(String tokenId, AccessEntry.Role role, String unit) {

    /** No access control configured: everything is allowed, as before access control existed. */
    public static final Principal OPEN = new Principal(null, AccessEntry.Role.AUTHOR, null);

    public boolean isAuthor() {
        return role == AccessEntry.Role.AUTHOR;
    }

    /** Whether this is {@link #OPEN}, the service without access control. */
    public boolean isOpen() {
        return tokenId == null;
    }

    /** Whether this principal may read assessments of {@code unitId}. */
    public boolean mayRead(String unitId) {
        return isAuthor() || ownUnit(unitId);
    }

    /** Whether this principal may upload, rescore or delete assessments of {@code unitId}. */
    public boolean mayWrite(String unitId) {
        return isOpen() || ownUnit(unitId);
    }

    /** The unit a listing is restricted to: the principal's own for a unit token, else {@code asked}. */
    public String unitFilter(String asked) {
        return isAuthor() ? asked : unit;
    }

    private boolean ownUnit(String unitId) {
        return role == AccessEntry.Role.UNIT && unit != null && unit.equals(unitId);
    }
}
