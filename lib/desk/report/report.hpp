// The document every report builds: format/document.hpp's values, by the
// names report code has always used.
#pragma once

#include "desk/format/document.hpp"

namespace desk::report {

using format::Chart;
using format::Json;
using format::Report;
using format::Section;
using format::Series;

}  // namespace desk::report
