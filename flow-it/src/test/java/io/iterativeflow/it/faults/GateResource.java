package io.iterativeflow.it.faults;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** {@code POST api/gate} lets every {@link GatedFlow} step through. */
@Path("gate")
@RequestScoped
public class GateResource {

    @POST
    public void open() {
        GatedFlow.GATE.countDown();
    }
}
