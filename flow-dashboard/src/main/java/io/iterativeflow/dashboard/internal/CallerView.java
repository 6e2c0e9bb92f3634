package io.iterativeflow.dashboard.internal;

/** Who is signed in and whether the pages offer actions ({@code canAct}: the caller has the admin role). */
public record CallerView(String user, boolean canAct) {
}
