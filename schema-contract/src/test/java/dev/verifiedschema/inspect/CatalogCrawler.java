package dev.verifiedschema.inspect;

import schemacrawler.crawl.SchemaCrawler;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.RoutineType;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevel;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;


/**
 * Runs SchemaCrawler over one schema with pg_catalog SQL of our own (the {@code .sql} resources next
 * to this class): every kind of object is read for the whole schema in a single query
 * ({@link MetadataRetrievalStrategy#data_dictionary_all}), so the number of queries does not grow with
 * the number of tables, and everything SchemaCrawler would otherwise load that a snapshot does not
 * need is switched off.
 *
 * <p>Values our model needs but SchemaCrawler does not model (the type as {@code format_type} spells
 * it, identity, index access method, check text, foreign key targets, routine details, sequence type
 * and owner) are extra columns of those same queries; SchemaCrawler keeps unread columns as
 * attributes of the object they describe.
 *
 * <p>Two conventions keep the SQL fast with SchemaCrawler 17.6: each query returns only the columns
 * SchemaCrawler reads (it looks every column up by name, sorting the column list, for every value of
 * every row), and catalog columns are returned as expressions ({@code ::text}) so that the JDBC driver
 * does not run one more query per result set to find the table each column came from.
 *
 * <p>No PostgreSQL database plugin is used (Maven Central has none for SchemaCrawler 17): the
 * retrieval options a plugin would supply are built here, and {@link SchemaCrawler} is called
 * directly, so SchemaCrawler's plugin matching and its {@code SC_WITHOUT_DATABASE_PLUGIN} switch are
 * never involved.
 */
final class CatalogCrawler {
    /** Placeholder in the SQL resources for the OID of the inspected schema. */
    private static final String SCHEMA_OID = "schemaOid";

    static final List<InformationSchemaKey> QUERIES = CatalogSql.QUERIES.stream().map(InformationSchemaKey::valueOf)
            .toList();
    private static final List<SchemaInfoMetadataRetrievalStrategy> ALL_AT_ONCE = List.of(
            SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.tableConstraintsRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.tableConstraintColumnsRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.triggersRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.viewInformationRetrievalStrategy,
            SchemaInfoMetadataRetrievalStrategy.functionsRetrievalStrategy);

    /**
     * SchemaCrawler logs every step through java.util.logging at INFO. Unless the application has
     * chosen a level for them, these loggers are lowered to WARNING; the references are kept so that
     * the setting is not lost when java.util.logging drops unused loggers.
     */
    private static final List<Logger> SCHEMACRAWLER_LOGGERS =
            List.of(Logger.getLogger("schemacrawler"), Logger.getLogger("us.fatehi"));

    static {
        for (Logger logger : SCHEMACRAWLER_LOGGERS) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }

    private static final InformationSchemaViews QUERY_TEMPLATES = loadQueries();
    private static final SchemaCrawlerOptions OPTIONS = crawlerOptions();

    private CatalogCrawler() {
    }

    /** SchemaCrawler's catalog of the schema with this OID, read through the given connection. */
    static Catalog crawl(Connection connection, long schemaOid) {
        InformationSchemaViewsBuilder views = InformationSchemaViewsBuilder.builder(QUERY_TEMPLATES);
        views.substituteAll(SCHEMA_OID, Long.toString(schemaOid));
        SchemaRetrievalOptionsBuilder retrieval = SchemaRetrievalOptionsBuilder.builder()
                .withDoesNotSupportCatalogs()
                .withSupportsSchemas()
                .withIdentifierQuoteString("\"")
                .withInformationSchemaViews(views.toOptions());
        for (SchemaInfoMetadataRetrievalStrategy kind : ALL_AT_ONCE) {
            retrieval.with(kind, MetadataRetrievalStrategy.data_dictionary_all);
        }
        SchemaRetrievalOptions retrievalOptions = retrieval.toOptions();
        // The connection source is deliberately never closed: closing it would close the caller's connection.
        return new SchemaCrawler(DatabaseConnectionSources.fromConnection(PreparingConnection.wrap(connection)), retrievalOptions, OPTIONS)
                .crawl();
    }

    private static InformationSchemaViews loadQueries() {
        InformationSchemaViewsBuilder builder = InformationSchemaViewsBuilder.builder();
        for (InformationSchemaKey key : QUERIES) {
            builder.withSql(key, CatalogSql.read(key.name()));
        }
        return builder.toOptions();
    }

    private static SchemaCrawlerOptions crawlerOptions() {
        SchemaInfoLevel level = SchemaInfoLevelBuilder.builder()
                .withTag("verified-schema")
                .withInfoLevel(InfoLevel.detailed)
                .setRetrieveDatabaseInfo(false)
                // Foreign keys come as table constraints (see TABLE_CONSTRAINTS.sql): with SchemaCrawler's own
                // foreign keys, its table sort costs seconds on a long chain of references.
                .setRetrieveForeignKeys(false)
                .setRetrieveColumnDataTypes(false)
                .setRetrieveUserDefinedColumnDataTypes(false)
                .setRetrieveRoutineParameters(false)
                .setRetrieveRoutineInformation(false)
                .setRetrieveTableConstraintDefinitions(false)
                .setRetrieveTableConstraintInformation(false)
                .setRetrieveViewViewTableUsage(false)
                .setRetrieveSequenceInformation(true)
                .toOptions();
        return SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .tableTypes("TABLE", "VIEW", "MATERIALIZED VIEW")
                        .includeAllSequences()
                        .includeAllRoutines()
                        .routineTypes(EnumSet.of(RoutineType.function))
                        .toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder()
                        .withSchemaInfoLevel(level)
                        // one connection, so no point in more threads; SchemaCrawler still uses one worker
                        .withMaxThreads(1)
                        .toOptions());
    }
}
