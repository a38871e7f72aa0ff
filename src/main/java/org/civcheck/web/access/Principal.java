package org.civcheck.web.access;

/**
 * Who a request comes from: a unit's token (reads and writes its own unit's assessments only),
 * an author's token (manages criteria and reads every unit's assessments, writes none), an
 * office's token (a 文明办: reads the assessments of every unit the register places in its region
 * or below, writes none), or {@link #OPEN} when the service runs without access control (loopback,
 * no access file).
 */
public record Principal(String tokenId, AccessEntry.Role role, String unit, String region) {

    /** No access control configured: everything is allowed, as before access control existed. */
    public static final Principal OPEN = new Principal(null, AccessEntry.Role.AUTHOR, null);

    /** A unit's or author's principal (no region). */
    public Principal(String tokenId, AccessEntry.Role role, String unit) {
        this(tokenId, role, unit, null);
    }

    /** Where a unit is registered: whether the register places unit {@code unitId} in region {@code regionId} or below. */
    @FunctionalInterface
    public interface Regions {
        boolean isWithin(String unitId, String regionId);
    }

    public boolean isAuthor() {
        return role == AccessEntry.Role.AUTHOR;
    }

    /** Whether this is a 文明办's token, reading by region. */
    public boolean isOffice() {
        return role == AccessEntry.Role.OFFICE;
    }

    /** Whether this is {@link #OPEN}, the service without access control. */
    public boolean isOpen() {
        return tokenId == null;
    }

    /**
     * Whether this principal may read assessments of {@code unitId}, not knowing where units are
     * registered: an office's token is refused here (fails closed); see {@link #mayRead(String, Regions)}.
     */
    public boolean mayRead(String unitId) {
        return isAuthor() || ownUnit(unitId);
    }

    /** Whether this principal may read assessments of {@code unitId}, an office's by where {@code regions} places it. */
    public boolean mayRead(String unitId, Regions regions) {
        return mayRead(unitId) || (isOffice() && region != null && regions.isWithin(unitId, region));
    }

    /** Whether this principal may upload, rescore or delete assessments of {@code unitId}. */
    public boolean mayWrite(String unitId) {
        return isOpen() || ownUnit(unitId);
    }

    /** The unit a listing is restricted to: the principal's own for a unit token, else {@code asked}. */
    public String unitFilter(String asked) {
        return isAuthor() || isOffice() ? asked : unit;
    }

    /**
     * The region a listing is restricted to besides {@link #unitFilter}: an office's own; null
     * (no restriction) for the others.
     */
    public String regionFilter() {
        return isOffice() ? region : null;
    }

    private boolean ownUnit(String unitId) {
        return role == AccessEntry.Role.UNIT && unit != null && unit.equals(unitId);
    }
}
