package io.iterativeflow.it.servers;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/**
 * Runs inside Liberty: records on which thread its step ran, then waits for the signal {@value #SIGNAL}. Only a
 * container thread that carries the application's context can look up {@code java:comp/env}.
 */
@Flow(name = ListenProbeFlow.NAME, version = 1)
public class ListenProbeFlow implements FlowBody<String, ListenProbeFlow.Facts> {

    static final String NAME = "it-listen-probe";
    static final String SIGNAL = "go";

    /** Where the step ran and the signal's payload. */
    public record Facts(String thread, boolean applicationContext, String payload) {
    }

    /** The step's thread: its name and whether it sees the application's {@code java:comp/env}. */
    public record Place(String thread, boolean applicationContext) {

        static Place here() {
            boolean context;
            try {
                new InitialContext().lookup("java:comp/env");
                context = true;
            } catch (NamingException e) {
                context = false;
            }
            return new Place(Thread.currentThread().getName(), context);
        }
    }

    @Override
    public Facts run(FlowContext ctx, String input) {
        Place place = ctx.step("where", Place.class, s -> Place.here());
        String payload = ctx.signal(SIGNAL, String.class);
        return new Facts(place.thread(), place.applicationContext(), payload);
    }
}
