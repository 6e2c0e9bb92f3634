package io.iterativeflow.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.cdi.internal.FlowExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ExtensionRegistrationTest {

    @Test
    void the_extension_is_registered_for_the_service_loader_so_applications_need_no_beans_xml_entry() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(FlowExtension.class);
    }
}
