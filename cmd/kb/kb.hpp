// desk kb: the knowledge base. How-tos, FAQs and known errors, written and
// searched from the terminal, one subcommand per file here:
//   add, edit, state (publish, retire)   write (every change is a version)
//   show, list, history                  read
//   search (search, suggest)             find (full text; for a ticket)
//   link                                 an article helped with tickets
//   exchange (export, import)            a directory of Markdown files
// kb.cpp lists them; common.cpp holds what several print alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "desk/format/rows.hpp"
#include "desk/model/article.hpp"
#include "desk/work/validate.hpp"

#include "options.hpp"
#include "registry.hpp"

namespace desk::cmd::kbcmd {

using format::Json;
using format::Kind;
using format::Tone;

std::string paint(const Env& env, Tone t, const std::string& s);
Tone state_tone(model::ArticleState s);
// A state's tone from its name in a row; plain for anything else.
Tone state_tone(const Json& v);
std::vector<format::Column> article_columns();
std::string ids_text(const std::vector<std::int64_t>& ids);

// The words typed for a filter (--kind, --state: repeated, or separated by
// commas), each a word of E, or require_word's DataError naming `what`
// ("unknown article state 'live'").
template <util::Worded E>
std::vector<E> typed_words(std::string_view what, const std::vector<std::string>& typed) {
  std::vector<E> out;
  for (const auto& w : flatten(typed)) out.push_back(work::require_word<E>(what, w));
  return out;
}

// The subcommands: each adds itself to `kb` (registry.hpp's Sub).
Sub add(CLI::App& kb);
Sub edit(CLI::App& kb);
Sub publish(CLI::App& kb);
Sub retire(CLI::App& kb);
Sub show(CLI::App& kb);
Sub list(CLI::App& kb);
Sub search(CLI::App& kb);
Sub suggest(CLI::App& kb);
Sub link(CLI::App& kb);
Sub history(CLI::App& kb);
Sub exp(CLI::App& kb);
Sub imp(CLI::App& kb);

}  // namespace desk::cmd::kbcmd
