package io.iterativeflow.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void reads_every_path_of_the_api() {
        assertThat(Route.of("/me").kind()).isEqualTo(Route.Kind.ME);
        assertThat(Route.of("/queue").kind()).isEqualTo(Route.Kind.QUEUE);
        assertThat(Route.of("/runs").kind()).isEqualTo(Route.Kind.RUNS);
        assertThat(Route.of("/runs/r-1")).isEqualTo(new Route(Route.Kind.RUN, "r-1", null));
        assertThat(Route.of("/runs/r-1/cancel")).isEqualTo(new Route(Route.Kind.CANCEL, "r-1", null));
        assertThat(Route.of("/runs/r-1/retry")).isEqualTo(new Route(Route.Kind.RETRY, "r-1", null));
        assertThat(Route.of("/runs/r-1/signals/approve")).isEqualTo(new Route(Route.Kind.SIGNAL, "r-1", "approve"));
        assertThat(Route.of("/flows/desk/runs")).isEqualTo(new Route(Route.Kind.START, null, "desk"));
    }

    @Test
    void anything_else_is_not_found() {
        for (String path : new String[] {null, "", "/", "/runs/", "//runs", "/runs/r-1/delete", "/flows/desk",
                "/runs/r-1/signals", "/runs/r-1/signals/a/b", "/flows/desk/runs/x", "/me/too", "/other/r-1/cancel"}) {
            assertThat(Route.of(path).kind()).as(String.valueOf(path)).isEqualTo(Route.Kind.NONE);
        }
    }

    @Test
    void only_changes_need_the_admin_role() {
        assertThat(Route.Kind.CANCEL.acts()).isTrue();
        assertThat(Route.Kind.RETRY.acts()).isTrue();
        assertThat(Route.Kind.SIGNAL.acts()).isTrue();
        assertThat(Route.Kind.START.acts()).isTrue();
        assertThat(Route.Kind.RUNS.acts()).isFalse();
        assertThat(Route.Kind.RUN.acts()).isFalse();
        assertThat(Route.Kind.QUEUE.acts()).isFalse();
        assertThat(Route.Kind.ME.acts()).isFalse();
    }
}
