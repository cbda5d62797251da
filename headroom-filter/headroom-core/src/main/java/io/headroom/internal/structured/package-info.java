/**
 * XML and YAML tool outputs (issue 16): long runs of repeated sibling elements, long YAML sequences and long
 * multi-document YAML streams are compressed like JSON arrays, with SmartCrusher's own item selection
 * ({@link io.headroom.internal.crush.RowSelector}). Kept items are copied from the original verbatim; each run
 * of dropped items becomes one comment of the document's own syntax, so the result still parses.
 *
 * <p>Both parsers are hardened: XML is refused when it has a document type declaration (no DTD, no entity of
 * any kind is ever expanded or read) and checked by the JDK's StAX parser with DTD support and external
 * entities off; YAML is read by SnakeYAML Engine with a small alias limit, no recursive keys and a code-point
 * limit. Anything that does not parse is left to the text path.
 */
package io.headroom.internal.structured;
