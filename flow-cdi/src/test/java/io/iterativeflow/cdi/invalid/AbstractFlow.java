package io.iterativeflow.cdi.invalid;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;

@Flow
public abstract class AbstractFlow implements FlowBody<String, String> {
}
