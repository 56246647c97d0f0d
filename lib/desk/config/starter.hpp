// The commented starter desk.toml: what `desk init` writes, and the source of
// every default (a file that leaves a section out gets this file's section).
#pragma once

#include <string>
#include <string_view>

namespace desk::config {

// zone: the IANA zone to write for [desk].timezone and the office calendar.
// members: the first team's members (usually the person running init).
std::string starter_text(std::string_view zone = "UTC", std::string_view member = "");

}  // namespace desk::config
