#include "core/xml_library.hpp"

#include "core/shared_library.hpp"

namespace vrathaus {
namespace {

// The SONAME of libxml2's ABI 2 (Debian's libxml2 package).
constexpr const char* kLibrary = "libxml2.so.2";

XmlLibrary load() {
  SharedLibrary library(kLibrary, "reading the bank's return files");  // stays loaded when this goes
  XmlLibrary lib{};
  library.resolve("xmlReaderForFile", lib.reader_for_file);
  library.resolve("xmlFreeTextReader", lib.free_reader);
  library.resolve("xmlTextReaderRead", lib.read);
  library.resolve("xmlTextReaderNodeType", lib.node_type);
  library.resolve("xmlTextReaderIsEmptyElement", lib.is_empty_element);
  library.resolve("xmlTextReaderConstLocalName", lib.local_name);
  library.resolve("xmlTextReaderConstNamespaceUri", lib.namespace_uri);
  library.resolve("xmlTextReaderConstValue", lib.value);
  library.resolve("xmlTextReaderSetErrorHandler", lib.set_error_handler);
  library.resolve("xmlTextReaderLocatorLineNumber", lib.locator_line);
  library.resolve("xmlTextReaderGetParserLineNumber", lib.line);
  return lib;
}

}  // namespace

const XmlLibrary& xml_library() {
  static const XmlLibrary lib = load();  // C++ guarantees one thread loads, the others wait
  return lib;
}

}  // namespace vrathaus
