#include "desk/bulk/export.hpp"

#include "desk/tickets/fields.hpp"
#include "desk/tickets/serialize.hpp"

namespace desk::bulk {

using tickets::Json;

Json export_json(const tickets::Ticket& t, const std::vector<tickets::Event>& events,
                 const Zone& zone) {
  Json j = tickets::ticket_json(t, zone);
  Json list = Json::array();
  for (const auto& e : events) list.push_back(tickets::event_json(e, zone));
  j["events"] = std::move(list);
  return j;
}

std::vector<format::Column> export_csv_columns() {
  std::vector<format::Column> out;
  // The keys the JSON has, in its order, whatever fields later versions add.
  const Json blank = tickets::ticket_json(tickets::Ticket{}, Zone::utc());
  for (auto it = blank.begin(); it != blank.end(); ++it) {
    const std::string& key = it.key();
    const tickets::FieldDef* f = tickets::find_field(key);
    bool list = f && f->kind == tickets::FieldKind::tags;
    out.emplace_back(key, key, list ? format::Kind::list : format::Kind::text);
  }
  out.emplace_back("events", "events");
  return out;
}

Json export_csv_row(Json exported) {
  exported["events"] = exported["events"].dump(-1, ' ', false, Json::error_handler_t::replace);
  return exported;
}

}  // namespace desk::bulk
