package org.civcheck.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.civcheck.engine.facts.Measure;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/** Listens to a session: how often each rule fired, and which rule inserted each measure. */
final class RuleTrace {

    final Map<String, Integer> fired = new TreeMap<>();
    final Map<Measure, String> measuredBy = new IdentityHashMap<>();

    final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
        }
    };

    final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Measure m && event.getRule() != null) {
                measuredBy.put(m, event.getRule().getName());
            }
        }
    };
}
