// Rendering a format::Report in any format: table (for people), JSON (one
// object: meta and a key per section), CSV/TSV (one section: --section),
// Markdown (for mail and wikis) and HTML (a self-contained page with inline
// SVG charts, no scripts, no network).
#pragma once

#include <ostream>
#include <string>

#include "desk/format/document.hpp"
#include "desk/format/rows.hpp"

namespace desk::format {

// `section` picks the section for CSV/TSV ("" = the first); UsageError when
// it names none.
void render_report(const format::Report& r, Format f, std::ostream& out, const Style& style,
                   const std::string& section = "");

// An SVG chart of `rows` (bars or lines), sized for a mail client.
std::string svg_chart(const format::Chart& chart, const std::vector<Json>& rows);

}  // namespace desk::format
