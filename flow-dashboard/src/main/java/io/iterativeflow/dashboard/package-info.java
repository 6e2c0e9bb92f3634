/**
 * The web dashboard: pages under {@code /flow-dashboard/} of the application that show runs and the queue and act on
 * runs, and the JSON they read under {@code /flow-dashboard/api/}. Add {@code flow-dashboard} to a WAR next to
 * {@code flow-cdi}; the container guards every path with the roles in {@link io.iterativeflow.dashboard.DashboardRoles}.
 */
package io.iterativeflow.dashboard;
