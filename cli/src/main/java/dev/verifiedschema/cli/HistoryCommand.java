package dev.verifiedschema.cli;

import picocli.CommandLine.Command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.verifiedschema.contract.Identifiers.quote;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The applied history from flyway_schema_history, oldest first (like alembic history)."})
final class HistoryCommand extends DatabaseCommand {
    @picocli.CommandLine.Option(names = "--schema", defaultValue = "public", description = "the schema of flyway_schema_history")
    String schema;

    @Override
    Result execute() throws SQLException {
        db.require("history");
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (Connection c = db.connect(root.env); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, script, installed_on, "
                    + "success FROM " + quote(schema) + ".flyway_schema_history WHERE version IS NOT NULL "
                    + "ORDER BY installed_rank")) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("rank", rs.getInt(1));
                    row.put("version", rs.getString(2));
                    row.put("description", rs.getString(3));
                    row.put("script", rs.getString(4));
                    row.put("installedOn", String.valueOf(rs.getTimestamp(5)));
                    row.put("success", rs.getBoolean(6));
                    rows.add(row);
                    text.append(String.format("%3d  V%-6s %-40s %s%s%n", rs.getInt(1), rs.getString(2),
                            rs.getString(4), rs.getTimestamp(5), rs.getBoolean(6) ? "" : "  FAILED"));
                }
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) {
                    return new Result("history").summary("No migrations applied: " + schema
                            + ".flyway_schema_history does not exist.");
                }
                throw e;
            }
        }
        Result result = new Result("history").summary(rows.size() + " migration(s) applied to " + db.masked())
                .details(text.toString()).put("history", rows);
        rows.stream().filter(r -> !(Boolean) r.get("success")).forEach(r -> result.problem("V" + r.get("version"),
                "recorded as failed: " + r.get("script")));
        return result;
    }
}
