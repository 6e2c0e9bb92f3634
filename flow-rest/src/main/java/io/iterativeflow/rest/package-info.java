/**
 * The engine over HTTP: opt-in Jakarta REST resources under {@code /flows} and {@code /runs} of the application's
 * REST root. Add {@code flow-rest} to a WAR that declares a {@link jakarta.ws.rs.core.Application}; every resource
 * requires the role named by {@link io.iterativeflow.rest.FlowRestKeys#ROLE}. Errors are JSON bodies with a
 * {@link io.iterativeflow.api.FlowErrorCode} and a message, never a stack trace.
 */
package io.iterativeflow.rest;
