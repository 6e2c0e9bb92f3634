package io.iterativeflow.it.smoke;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Runs inside Liberty: proves that {@code jdbc/flow} from flow-server-config's server.xml reaches PostgreSQL. */
@Path("smoke")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class SmokeResource {

    static final String TABLE = "flow_it_smoke";

    @Resource(lookup = "jdbc/flow")
    DataSource dataSource;

    @GET
    @Path("select-one")
    public String selectOne() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return Integer.toString(result.getInt(1));
        }
    }

    @POST
    @Path("rows/{token}")
    public Response insertRow(@PathParam("token") String token) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists " + TABLE
                        + " (token text primary key, written_at timestamptz not null default now())");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + TABLE + " (token) values (?)")) {
                insert.setString(1, token);
                insert.executeUpdate();
            }
        }
        return Response.status(Response.Status.CREATED).entity(token).build();
    }
}
