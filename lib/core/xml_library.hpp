#pragma once
// libxml2's streaming reader (xmlTextReader), loaded the first time a command reads a bank file.
// Linked at build time it would cost every command the loading of libxml2 and ICU at start-up.
// The functions keep their libxml2 signatures; only the calls go through this table.
#include <libxml/xmlreader.h>

namespace vrathaus {

struct XmlLibrary {
  decltype(&::xmlReaderForFile) reader_for_file;
  decltype(&::xmlFreeTextReader) free_reader;
  decltype(&::xmlTextReaderRead) read;
  decltype(&::xmlTextReaderNodeType) node_type;
  decltype(&::xmlTextReaderIsEmptyElement) is_empty_element;
  decltype(&::xmlTextReaderConstLocalName) local_name;
  decltype(&::xmlTextReaderConstNamespaceUri) namespace_uri;
  decltype(&::xmlTextReaderConstValue) value;
  decltype(&::xmlTextReaderSetErrorHandler) set_error_handler;
  decltype(&::xmlTextReaderLocatorLineNumber) locator_line;
  decltype(&::xmlTextReaderGetParserLineNumber) line;
};

// Loads libxml2 (once, thread-safe). Throws Error(internal) naming the library when it is not
// installed.
const XmlLibrary& xml_library();

}  // namespace vrathaus
