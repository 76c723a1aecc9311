/**
 * The design lint of a verified schema, through SchemaCrawler's linters: {@link
 * dev.verifiedschema.designlint.DesignLint#run} reads the schema with JDBC's own metadata and returns
 * {@link dev.verifiedschema.designlint.DesignFinding}s. The only package that imports SchemaCrawler.
 */
package dev.verifiedschema.designlint;
