package dev.verifiedschema.bench.realistic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The thirty business tables of the realistic set, in the order the product grew them. */
final class Entities {
    private Entities() {
    }

    /** The first tables get the rows of the demo workspace, so later versions change tables that hold data. */
    static final int SEEDED = 8;

    static List<Entity> all() {
        Map<String, Entity> byTable = new HashMap<>();
        List<Entity> all = new ArrayList<>();
        String[][] rows = {
                // table, singular, parent table, created as, numbered
                {"accounts", "account", null, null, ""},
                {"users", "user", "accounts", null, ""},
                {"teams", "team", "accounts", null, ""},
                {"memberships", "membership", "teams", "team_members", ""},
                {"projects", "project", "teams", null, ""},
                {"subscriptions", "subscription", "accounts", null, ""},
                {"milestones", "milestone", "projects", null, ""},
                {"tasks", "task", "projects", null, "numbered"},
                {"task_comments", "task_comment", "tasks", null, ""},
                {"attachments", "attachment", "tasks", null, ""},
                {"labels", "label", "projects", null, ""},
                {"time_entries", "time_entry", "tasks", null, ""},
                {"invoices", "invoice", "accounts", null, "numbered"},
                {"invoice_lines", "invoice_line", "invoices", null, ""},
                {"payments", "payment", "invoices", null, ""},
                {"api_keys", "api_key", "users", "access_tokens", ""},
                {"webhooks", "webhook", "accounts", null, ""},
                {"webhook_deliveries", "webhook_delivery", "webhooks", null, ""},
                {"notifications", "notification", "users", null, ""},
                {"documents", "document", "projects", null, ""},
                {"document_versions", "document_version", "documents", null, ""},
                {"sprints", "sprint", "projects", null, ""},
                {"sprint_goals", "sprint_goal", "sprints", null, ""},
                {"customers", "customer", "accounts", null, ""},
                {"contacts", "contact", "customers", null, ""},
                {"deals", "deal", "customers", null, "numbered"},
                {"deal_notes", "deal_note", "deals", null, ""},
                {"integrations", "integration", "accounts", null, ""},
                {"sync_runs", "sync_run", "integrations", null, ""},
                {"data_exports", "data_export", "accounts", null, ""},
        };
        for (String[] row : rows) {
            Entity e = new Entity(row[0], row[1], row[2] == null ? null : byTable.get(row[2]), row[3],
                    !row[4].isEmpty(), all.size() < SEEDED ? 3 : 0);
            byTable.put(e.table, e);
            all.add(e);
        }
        return all;
    }
}
