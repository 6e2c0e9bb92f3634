/**
 * The public contract of iterativeflow: the only package with a compatibility promise.
 *
 * <p>A flow is a {@link io.iterativeflow.api.FlowBody} bean annotated {@link io.iterativeflow.api.Flow}, or a
 * {@link io.iterativeflow.api.FlowDefinition} built in code. Applications start and observe runs through the
 * {@link io.iterativeflow.api.FlowEngine} and typed {@link io.iterativeflow.api.FlowHandle}s.
 *
 * <p>A flow is plain Java. Its body runs again from the top on every attempt; each durable operation of the
 * {@link io.iterativeflow.api.FlowContext} (a step, a sleep, a signal wait, a child flow) returns what it recorded the
 * first time, so the run goes on where it stopped:
 *
 * <pre>{@code
 * @Flow(name = "welcome", version = 1)
 * public class WelcomeFlow implements FlowBody<String, String> {
 *
 *     @Inject Mailer mailer;
 *
 *     @Override
 *     public String run(FlowContext ctx, String email) {
 *         String first = ctx.step("greet", String.class, s -> mailer.send(email, "Welcome!"));
 *         ctx.sleep("a-week-later", Duration.ofDays(7));         // durable: no thread waits
 *         ctx.step("follow-up", String.class, s -> mailer.send(email, "How is it going?"));
 *         return first;
 *     }
 * }
 *
 * // anywhere in the application
 * @Inject FlowEngine engine;
 * String runId = engine.flow(WelcomeFlow.class).start("ada@example.org");
 * }</pre>
 *
 * <p><b>Compatibility.</b> Within a major version, code compiled against this package keeps compiling and linking
 * against later versions: types and members are added, never removed or changed incompatibly. Interfaces that the
 * application implements ({@link io.iterativeflow.api.FlowBody}, {@link io.iterativeflow.api.FlowListener}, the
 * step functions) only gain methods with defaults. Interfaces that the engine implements
 * ({@link io.iterativeflow.api.FlowEngine}, {@link io.iterativeflow.api.FlowHandle},
 * {@link io.iterativeflow.api.FlowContext}, the scopes) are not meant to be implemented by applications. Other
 * packages ({@code io.iterativeflow.core}, {@code io.iterativeflow.jpa}, {@code io.iterativeflow.cdi}) are internal
 * and carry no promise.
 */
package io.iterativeflow.api;
