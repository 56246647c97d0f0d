// RFC 3676 format=flowed text (Thunderbird, Apple Mail) as the paragraphs
// it encodes: a line ending in a space continues on the next line of the
// same quote depth. Quoted lines come out as ">" per level and a space.
#pragma once

#include <string>
#include <string_view>

namespace desk::mail {

// delsp: the DelSp=yes parameter (the trailing space is not text).
std::string unflow(std::string_view text, bool delsp);

}  // namespace desk::mail
