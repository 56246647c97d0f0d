// HTML mail as the plain text a person would read: paragraphs and line
// breaks kept, lists as "- " items, links with their address, quoted
// blocks ("<blockquote>") as "> " lines so that the quote splitter sees
// them, scripts and styles dropped. Parsed by gumbo (the HTML5 parsing
// algorithm browsers use), never with patterns: mail HTML is rarely valid.
#pragma once

#include <string>
#include <string_view>

namespace desk::mail {

// `html` is UTF-8. The result ends without a line break.
std::string html_to_text(std::string_view html);

}  // namespace desk::mail
