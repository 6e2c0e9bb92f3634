package io.iterativeflow.api;

/** The work of a step that returns nothing. Its completion is recorded; on replay it does not run again. */
@FunctionalInterface
public interface StepAction {

    void run(StepScope scope) throws Exception;
}
