#include "desk/model/article_history.hpp"

#include "desk/util/strings.hpp"

namespace desk::model {

namespace {

Json time_or_null(const std::optional<Instant>& t) {
  return t ? Json(to_unix(*t)) : Json();
}

void collect_differing(const Json& row, const Json& told, std::vector<std::string>& out) {
  for (const auto& [key, value] : row.items()) {
    if (!told.contains(key))
      out.push_back(key);
    else if (value.is_object() && told[key].is_object())
      collect_differing(value, told[key], out);
    else if (told[key] != value)
      out.push_back(key);
  }
  for (const auto& [key, value] : told.items())
    if (!row.contains(key)) out.push_back(key);
}

}  // namespace

Json article_record(const Article& a) {
  return {{"kind", std::string(util::name(a.kind))},
          {"state", std::string(util::name(a.state))},
          {"title", a.title},
          {"body", a.body},
          {"symptom", a.symptom},
          {"cause", a.cause},
          {"workaround", a.workaround},
          {"fix_status", a.fix_status ? std::string(util::name(*a.fix_status)) : std::string()},
          {"category", a.category},
          {"service", a.service},
          {"tags", util::join(a.tags, " ")},
          {"author", a.author},
          {"version", a.version},
          {"created_at", to_unix(a.created_at)},
          {"updated_at", to_unix(a.updated_at)},
          {"published_at", time_or_null(a.published_at)},
          {"retired_at", time_or_null(a.retired_at)}};
}

Json version_record(const ArticleVersion& v) {
  return {{"number", v.number},
          {"at", to_unix(v.at)},
          {"actor", v.actor},
          {"action", std::string(util::name(v.action))},
          {"changed", util::join(v.changed, ",")},
          {"note", v.note},
          {"article", article_record(v.article)}};
}

std::vector<std::string> differing_keys(const Json& row, const Json& told) {
  std::vector<std::string> out;
  collect_differing(row, told, out);
  return out;
}

}  // namespace desk::model
