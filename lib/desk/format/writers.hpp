// The writers behind make_row_writer, one file each.
#pragma once

#include "desk/format/rows.hpp"

namespace desk::format {

std::unique_ptr<RowWriter> make_table_writer(std::ostream& out, const Style& style);
std::unique_ptr<RowWriter> make_json_writer(std::ostream& out, const Style& style, bool lines);
std::unique_ptr<RowWriter> make_delimited_writer(std::ostream& out, char separator);
std::unique_ptr<RowWriter> make_markdown_writer(std::ostream& out, const Style& style);
std::unique_ptr<RowWriter> make_html_writer(std::ostream& out, const Style& style);

}  // namespace desk::format
