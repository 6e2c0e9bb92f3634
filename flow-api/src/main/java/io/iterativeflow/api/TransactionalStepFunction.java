package io.iterativeflow.api;

/**
 * The work of a transactional step (see {@link FlowContext#transactionalStep}). It runs inside a database transaction
 * that records its return value; throwing rolls back everything it wrote.
 */
@FunctionalInterface
public interface TransactionalStepFunction<T> {

    T apply(TransactionalStepScope scope) throws Exception;
}
