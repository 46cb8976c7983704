// cmark-gfm, the reference CommonMark parser (with GitHub's tables, strikethrough,
// autolinks and footnotes), from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
