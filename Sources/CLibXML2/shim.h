// The parts of libxml2 that KBIndex uses: the forgiving HTML parser and the tree API.
//
// Debian's libxml2 is built with ICU, so its headers would pull in the system's ICU
// headers, which clash with the ICU that Foundation on Linux ships ("'UErrorCode' has
// different definitions in different modules"). KBIndex never uses libxml2's ICU
// converters (it decodes text to UTF-8 itself), so the ICU part of the headers is off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
