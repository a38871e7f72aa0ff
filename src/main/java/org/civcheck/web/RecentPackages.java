package org.civcheck.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.civcheck.evidence.EvidencePackage;

/**
 * The packages of the assessments viewed last, read once and kept, so that looking at a result
 * again (a reload, the way back from a download) does not unzip and re-read its package. A stored
 * package never changes, so a kept one is never stale; a deleted assessment's is dropped. Bounded
 * by activities, not entries: one 100,000-activity package would otherwise pin its memory here.
 */
final class RecentPackages {

    /** At most this many activities are kept, over all packages. */
    static final int MAX_ACTIVITIES = 20_000;

    private final LinkedHashMap<String, EvidencePackage> byId = new LinkedHashMap<>(16, 0.75f, true);
    private int activities;

    synchronized Optional<EvidencePackage> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized void put(String id, EvidencePackage pkg) {
        int size = pkg.activities().size();
        if (size > MAX_ACTIVITIES || byId.containsKey(id)) {
            return;
        }
        byId.put(id, pkg);
        activities += size;
        Iterator<Map.Entry<String, EvidencePackage>> oldest = byId.entrySet().iterator();
        while (activities > MAX_ACTIVITIES && oldest.hasNext()) {
            activities -= oldest.next().getValue().activities().size();
            oldest.remove();
        }
    }

    synchronized void remove(String id) {
        EvidencePackage gone = byId.remove(id);
        if (gone != null) {
            activities -= gone.activities().size();
        }
    }

    synchronized int size() {
        return byId.size();
    }
}
