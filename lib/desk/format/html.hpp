// Pieces of desk's HTML pages, shared by the row writer and the reports.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

#include "desk/format/rows.hpp"

namespace desk::format {

std::string html_escape(std::string_view s);
std::string_view html_style();
void html_open(std::ostream& out, std::string_view title);
void html_close(std::ostream& out);
void html_table_open(std::ostream& out, const std::vector<Column>& columns);
void html_table_row(std::ostream& out, const std::vector<Column>& columns, const Json& object);
void html_table_close(std::ostream& out);

}  // namespace desk::format
