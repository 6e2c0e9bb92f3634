package io.iterativeflow.core.spi;

import java.sql.Connection;

/**
 * One try of a transactional step, run by {@link FlowStore#runTransactionalStep} inside the transaction that records
 * its result. It returns the result as JSON; throwing rolls the transaction back.
 */
@FunctionalInterface
public interface TransactionalWork {

    /**
     * @param connection the transaction's connection, guarded: the work cannot commit, roll back or close it
     * @return the step's result as JSON, to record in the same transaction
     */
    String run(Connection connection) throws Exception;
}
