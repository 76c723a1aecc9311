package dev.verifiedschema.migrate;

import java.util.regex.Pattern;

/**
 * Whether SQL touches what every database of a server shares: roles (and their memberships),
 * tablespaces, databases, the server's settings. Two migrations of such a set on one server at the
 * same time, each on a database of its own, could race each other (both create the same role); a set
 * without any can. Read on the whole text, inside {@code DO} blocks and comments too: a false alarm
 * only costs running two things one after the other.
 */
final class SharedObjects {
    private static final Pattern SHARED = Pattern.compile(
            "\\b(?:CREATE|ALTER|DROP)\\s+(?:ROLE|USER|GROUP|TABLESPACE|DATABASE)\\b"
                    + "|\\bALTER\\s+SYSTEM\\b"
                    + "|\\b(?:REASSIGN|DROP)\\s+OWNED\\b"
                    + "|\\b(?:COMMENT|SECURITY\\s+LABEL)\\s+(?:FOR\\s+\\S+\\s+)?ON\\s+(?:ROLE|TABLESPACE|DATABASE)\\b"
                    // privileges on shared objects, subscriptions and replication slots
                    + "|\\bON\\s+(?:TABLESPACE|DATABASE|PARAMETER)\\b"
                    + "|\\b(?:CREATE|ALTER|DROP)\\s+SUBSCRIPTION\\b|\\bpg_(?:create|drop)_\\w*replication_slot\\b"
                    // a membership (GRANT role TO role, REVOKE role FROM role): no ON before TO / FROM
                    + "|\\bGRANT\\b(?:(?!\\bON\\b)[^;])*?\\bTO\\b"
                    + "|\\bREVOKE\\b(?:(?!\\bON\\b)[^;])*?\\bFROM\\b",
            Pattern.CASE_INSENSITIVE);

    private SharedObjects() {
    }

    static boolean in(String sql) {
        return SHARED.matcher(sql).find();
    }
}
