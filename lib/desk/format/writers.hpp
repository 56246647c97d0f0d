// The writers behind make_row_writer, one file each.
#pragma once

#include "desk/format/rows.hpp"

namespace desk::format {

std::unique_ptr<RowWriter> make_table_writer(std::ostream& out, const Style& style);
std::unique_ptr<RowWriter> make_json_writer(std::ostream& out, const Style& style, bool lines);
std::unique_ptr<RowWriter> make_delimited_writer(std::ostream& out, char separator);
std::unique_ptr<RowWriter> make_markdown_writer(std::ostream& out, const Style& style);
std::unique_ptr<RowWriter> make_html_writer(std::ostream& out, const Style& style);

// Text for Markdown (GFM), shown as it is and never read as markup: one
// line; \ ` * _ [ ] | escaped with a backslash; & < > as HTML entities, so
// that no tag, comment or autolink reaches a renderer that allows HTML
// (mail clients, wikis).
std::string markdown_escape(std::string_view s);

}  // namespace desk::format
