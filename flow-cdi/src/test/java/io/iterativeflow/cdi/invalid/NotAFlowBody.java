package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;

@Flow
public class NotAFlowBody {

    public String run(String input) {
        return input;
    }
}
