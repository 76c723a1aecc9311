/**
 * What SchemaCrawler does for the toolkit, once per verification and off its hot path: the design
 * lint of a schema ({@link dev.verifiedschema.crawler.DesignLint#run}, giving
 * {@link dev.verifiedschema.crawler.DesignFinding}s), its documentation
 * ({@link dev.verifiedschema.crawler.SchemaDocs}) and an independent reading through JDBC's metadata
 * ({@link dev.verifiedschema.crawler.CrossCheck}). The only package that imports SchemaCrawler.
 */
package dev.verifiedschema.crawler;
