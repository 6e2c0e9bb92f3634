package io.iterativeflow.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;

/** The DBOS workflow: each step returns its index, the result is their sum plus the input, as in this engine's flow. */
public final class DbosStepsWorkflow implements DbosFlows {

    private final DBOS dbos;

    DbosStepsWorkflow(DBOS dbos) {
        this.dbos = dbos;
    }

    @Workflow(name = "steps")
    @Override
    public int run(int input, int steps) {
        int sum = 0;
        for (int i = 0; i < steps; i++) {
            int value = i;
            sum += dbos.runStep(() -> value, "step");
        }
        return sum + input;
    }
}
