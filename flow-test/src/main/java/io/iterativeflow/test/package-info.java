/**
 * A test kit for flows: {@link io.iterativeflow.test.FlowTest} gives a JUnit 5 test a
 * {@link io.iterativeflow.test.TestFlowEnvironment}, an engine on an embedded database that runs only when the test
 * drives it, with a virtual clock, crash injection and assertions on a run's history
 * ({@link io.iterativeflow.test.RunAssert}).
 *
 * <pre>{@code
 * @FlowTest(flows = ReminderFlow.class)
 * class ReminderFlowTest {
 *
 *     @Test
 *     void reminds_after_three_days(TestFlowEnvironment env) {
 *         String runId = env.start(ReminderFlow.class, "ada");
 *         env.advance(Duration.ofDays(3));
 *         env.assertRun(runId).hasStatus(RunStatus.COMPLETED).hasSteps("note", "remind");
 *     }
 * }
 * }</pre>
 *
 * <p>The classes of this package are meant for tests; the kit itself builds on the engine's internal packages and
 * carries the compatibility promise of {@code io.iterativeflow.api} only for what it exposes here.
 */
package io.iterativeflow.test;
