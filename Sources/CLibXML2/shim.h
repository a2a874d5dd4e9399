// The parts of libxml2 that KBIndex uses: the forgiving HTML parser and the tree API.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
