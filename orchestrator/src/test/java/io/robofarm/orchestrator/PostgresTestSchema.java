package io.robofarm.orchestrator;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A schema of its own on the PostgreSQL server of the project's machines (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, trust authentication; see the stack notes), for a storage
 * test that runs the PostgreSQL migrations and drops the schema afterwards. Where no server runs,
 * such a test is reported as skipped: {@code @EnabledIf("io.robofarm.orchestrator.PostgresTestSchema#serverRunning")}.
 */
public final class PostgresTestSchema {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String name;

    /** A fresh schema name starting with {@code prefix}. */
    public PostgresTestSchema(String prefix) {
        name = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Whether the server answers. */
    public static boolean serverRunning() {
        DriverManager.setLoginTimeout(2);
        try (var connection = DriverManager.getConnection(SERVER, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Points the application's datasource and Flyway at this schema. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + name);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.flyway.schemas", () -> name);
    }

    /** Drops the schema and everything in it. */
    public void drop() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER, USER, "");
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
