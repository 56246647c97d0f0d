// What several kb subcommands print the same way.
#include <fmt/format.h>

#include "desk/format/rows.hpp"
#include "desk/util/strings.hpp"

#include "kb.hpp"

namespace desk::cmd::kbcmd {

std::string paint(const Env& env, Tone t, const std::string& s) {
  if (!env.color || t == Tone::plain) return s;
  return std::string(format::tone_on(t)) + s + std::string(format::kToneOff);
}

Tone state_tone(model::ArticleState s) {
  switch (s) {
    case model::ArticleState::draft:
      return Tone::yellow;
    case model::ArticleState::published:
      return Tone::plain;
    case model::ArticleState::retired:
      return Tone::dim;
  }
  return Tone::plain;
}

Tone state_tone(const Json& v) {
  if (!v.is_string()) return Tone::plain;
  auto s = util::parse<model::ArticleState>(v.get<std::string>());
  return s ? state_tone(*s) : Tone::plain;
}

std::vector<format::Column> article_columns() {
  std::vector<format::Column> c = {{"id", "ID", Kind::number},
                                   {"kind", "KIND"},
                                   {"state", "STATE"},
                                   {"title", "TITLE", Kind::text, true},
                                   {"tags", "TAGS", Kind::list},
                                   {"use_count", "USES", Kind::number},
                                   {"updated_at", "UPDATED", Kind::time}};
  c[2].tone = [](const Json& v) { return state_tone(v); };
  return c;
}

std::string ids_text(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> parts;
  for (auto id : ids) parts.push_back(std::to_string(id));
  return util::join(parts, ", ");
}

}  // namespace desk::cmd::kbcmd
