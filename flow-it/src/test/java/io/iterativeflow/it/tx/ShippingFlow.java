package io.iterativeflow.it.tx;

import java.sql.PreparedStatement;

import io.iterativeflow.api.Flow;
import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;

/** Runs inside Liberty: ships an order with a transactional step that writes a shipment row once. */
@Flow(name = "it-shipping", version = 1)
public class ShippingFlow implements FlowBody<String, String> {

    @Override
    public String run(FlowContext ctx, String order) {
        int rows = ctx.transactionalStep("ship", Integer.class, s -> {
            try (PreparedStatement insert = s.connection()
                    .prepareStatement("INSERT INTO public.it_tx_shipments (order_name) VALUES (?)")) {
                insert.setString(1, order);
                return insert.executeUpdate();
            }
        });
        return "shipped " + order + " (" + rows + ")";
    }
}
