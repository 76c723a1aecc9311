package dev.verifiedschema.compare;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;

import java.util.Map;

/** Test helper: snapshots built by hand for tests outside this package. */
public final class ContractCheckAccess {
    private ContractCheckAccess() {
    }

    public static SchemaSnapshot snapshotWithEmptyTable(String name) {
        return Fixtures.schema(new Table(name, Map.of(), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
    }
}
